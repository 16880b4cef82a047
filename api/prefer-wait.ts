import type { Request, Response } from 'express';
import parsePreferHeader from 'parse-prefer-header';
import { awaitSettledOrder, MAX_WAIT_SECONDS } from '../shared/orders/await-settled-order';
import type { OrderDetailView } from '../shared/orders/order-view';
import { AppError } from '../shared/errors';
import type { ApiContext } from './context';

/** The seconds of a `Prefer: wait=N` (RFC 7240), cut to MAX_WAIT_SECONDS; undefined without one, or one that is no whole number (a preference the server may ignore). */
function preferredWaitOf(req: Request): number | undefined {
  const { wait } = parsePreferHeader(req.headers.prefer);
  if (typeof wait !== 'string' || !/^\d+$/.test(wait)) return undefined;
  const seconds = Math.min(Number(wait), MAX_WAIT_SECONDS);
  return seconds > 0 ? seconds : undefined;
}

/**
 * Honours `Prefer: wait=N` on an order's answer: the order as it stands once it settles or N
 * seconds pass, with `Preference-Applied: wait=N`. Undefined (answer at once, as without the
 * header) when there is no such preference, or when this process or this buyer already holds as
 * many open watches as allowed: RFC 7240 lets a server ignore a preference, and a payment must
 * not be refused for it. A client that goes away ends the wait at once.
 */
export async function orderAfterPreferredWait(ctx: ApiContext, req: Request, res: Response, orderNum: number, buyerNum: number): Promise<OrderDetailView | undefined> {
  const seconds = preferredWaitOf(req);
  if (seconds === undefined) return undefined;
  const slot = await ctx.watchQuota.take(buyerNum).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'TOO_MANY_ORDER_WATCHES' || error.code === 'ORDER_WATCHES_AT_CAPACITY')) return undefined;
    throw error;
  });
  if (!slot) return undefined;
  const wait = new AbortController();
  const abort = () => wait.abort();
  res.once('close', abort);
  const release = ctx.openWatches.holdWait(wait);
  try {
    const { order } = await awaitSettledOrder(ctx, orderNum, buyerNum, seconds, wait.signal);
    res.setHeader('Preference-Applied', `wait=${seconds}`);
    return order;
  } finally {
    res.off('close', abort);
    release();
    slot.giveBack();
  }
}
