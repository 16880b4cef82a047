import { forbidden, notFound } from '../errors';
import { ITEM_KEY_PREFIX, redisKeys } from '../redis-keys';
import type { OrderContext } from './order-context';
import { findOrder, historyOf, orderViewOf, paymentOf } from './order-repository';
import { orderScripts, type OrderProgress } from './order-scripts';
import { isSettled } from './order-status';
import type { OrderDetailView, OrderView } from './order-view';
import { orderVersionOf, placeInLineOf, type LineSpot } from './place-in-line';

/** An order as its owner sees it, with what a watcher needs to follow it. */
export interface OrderReading {
  order: OrderDetailView;
  /** Grows with every change the owner can see (place-in-line.ts). */
  version: number;
  /** Where it waits, while IN_PROGRESS in its item's line. */
  spot?: LineSpot;
}

/**
 * The poll of one order (owner only). While the order is under way it is answered from the Redis
 * mirror in one round trip, with its place in line; once settled, history and payment come from MySQL.
 */
export async function getOrder(ctx: OrderContext, orderNum: number, buyerNum: number): Promise<OrderDetailView> {
  return (await readOrder(ctx, orderNum, buyerNum)).order;
}

export async function readOrder(ctx: OrderContext, orderNum: number, buyerNum: number): Promise<OrderReading> {
  const progress = await orderScripts.readOrderProgress.run(ctx.redis, [redisKeys.orderMirror(orderNum)], [ctx.config.redisPrefix + ITEM_KEY_PREFIX]);
  if (progress) {
    if (progress.buyerNum !== buyerNum) throw forbidden();
    const view = viewOfProgress(orderNum, progress);
    const version = orderVersionOf(progress.status, progress.arrivalSeq, progress.processedSeq);
    if (isSettled(progress.status)) return { order: await withRecords(ctx, view, progress.reason), version };
    if (progress.status !== 'IN_PROGRESS' || progress.arrivalSeq === null) return { order: { ...view, history: [], payment: null }, version };
    const spot = { itemNum: progress.itemNum, arrivalSeq: progress.arrivalSeq };
    return { order: { ...view, ...placeInLineOf(spot, progress), history: [], payment: null }, version, spot };
  }
  const row = await findOrder(ctx.db, orderNum);
  if (!row) throw notFound('Order', 'ORDER_NOT_FOUND');
  if (row.buyer_id !== buyerNum) throw forbidden();
  return { order: await withRecords(ctx, orderViewOf(row), null), version: orderVersionOf(row.status, row.arrival_seq) };
}

async function withRecords(ctx: OrderContext, view: OrderView, reason: string | null): Promise<OrderDetailView> {
  const [history, payment] = await Promise.all([historyOf(ctx.db, view.orderNum), paymentOf(ctx.db, view.orderNum)]);
  return { ...view, reason: reason ?? history.at(-1)?.reason ?? null, history, payment };
}

function viewOfProgress(orderNum: number, progress: OrderProgress): OrderView {
  return {
    orderNum,
    buyerNum: progress.buyerNum,
    itemNum: progress.itemNum,
    quantity: progress.quantity,
    unitPrice: progress.unitPrice,
    amount: progress.amount,
    status: progress.status,
    createdAt: new Date(progress.createdAtMs).toISOString(),
  };
}
