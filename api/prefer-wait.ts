import type { Request, Response } from 'express';
import parsePreferHeader from 'parse-prefer-header';
import { awaitSettledOrder, MAX_WAIT_SECONDS } from '../shared/orders/await-settled-order';
import type { OrderDetailView } from '../shared/orders/order-view';
import type { WatchSlot } from '../shared/orders/watch-quota';
import type { ApiContext } from './context';

/** The seconds of a `Prefer: wait=N` (RFC 7240), cut to MAX_WAIT_SECONDS; undefined without one, or one that is no whole number (a preference the server may ignore). */
function preferredWaitOf(req: Request): number | undefined {
  const { wait } = parsePreferHeader(req.headers.prefer);
  if (typeof wait !== 'string' || !/^\d+$/.test(wait)) return undefined;
  const seconds = Math.min(Number(wait), MAX_WAIT_SECONDS);
  return seconds > 0 ? seconds : undefined;
}

/**
 * A request's `Prefer: wait=N` on an order's answer, holding a place among the open streams and
 * waits from the start: a wait over a cap is refused (429 TOO_MANY_ORDER_WATCHES, 503
 * ORDER_WATCHES_AT_CAPACITY, with Retry-After) before anything else is done, so that a payment is
 * never started and then left half-answered.
 */
export class PreferredWait {
  private constructor(
    private readonly seconds: number,
    private readonly slot: WatchSlot,
  ) {}

  /** The request's wait with its place taken; undefined when it asks for none. */
  static async take(ctx: ApiContext, req: Request, buyerNum: number): Promise<PreferredWait | undefined> {
    const seconds = preferredWaitOf(req);
    if (seconds === undefined) return undefined;
    return new PreferredWait(seconds, await ctx.watchQuota.take(buyerNum));
  }

  /**
   * The order as it stands once it settles or N seconds pass (at once when the client goes away),
   * with `Preference-Applied: wait=N`; the place is given back either way.
   */
  async answer(ctx: ApiContext, res: Response, orderNum: number, buyerNum: number): Promise<OrderDetailView> {
    const wait = new AbortController();
    const abort = () => wait.abort();
    res.once('close', abort);
    if (res.closed) abort();
    ctx.openWatches.holdWait(wait);
    try {
      const { order } = await awaitSettledOrder(ctx, orderNum, buyerNum, this.seconds, wait.signal);
      res.setHeader('Preference-Applied', `wait=${this.seconds}`);
      return order;
    } finally {
      res.off('close', abort);
      ctx.openWatches.letGoWait(wait);
      this.giveBack();
    }
  }

  giveBack(): void {
    this.slot.giveBack();
  }
}
