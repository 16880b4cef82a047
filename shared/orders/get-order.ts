import { forbidden, notFound } from '../errors';
import { ITEM_KEY_PREFIX, redisKeys } from '../redis-keys';
import type { OrderContext } from './order-context';
import { findOrder, historyOf, orderViewOf, paymentOf } from './order-repository';
import { orderScripts, type OrderProgress } from './order-scripts';
import { isSettled } from './order-status';
import type { OrderDetailView, OrderView } from './order-view';

/**
 * The poll of one order (owner only). While the order is under way it is answered from the Redis
 * mirror in one round trip, with its place in line; once settled, history and payment come from MySQL.
 */
export async function getOrder(ctx: OrderContext, orderNum: number, buyerNum: number): Promise<OrderDetailView> {
  const progress = await orderScripts.readOrderProgress.run(ctx.redis, [redisKeys.orderMirror(orderNum)], [ctx.config.redisPrefix + ITEM_KEY_PREFIX]);
  if (progress) {
    if (progress.buyerNum !== buyerNum) throw forbidden();
    const view = viewOfProgress(orderNum, progress);
    if (isSettled(progress.status)) return withRecords(ctx, view, progress.reason);
    return { ...view, ...placeInLineOf(progress), history: [], payment: null };
  }
  const row = await findOrder(ctx.db, orderNum);
  if (!row) throw notFound('Order', 'ORDER_NOT_FOUND');
  if (row.buyer_id !== buyerNum) throw forbidden();
  return withRecords(ctx, orderViewOf(row), null);
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

/** Payments ahead in the item's line, counting this one, while it waits there. */
function placeInLineOf(progress: OrderProgress): { placeInLine?: number } {
  if (progress.status !== 'IN_PROGRESS' || progress.arrivalSeq === null) return {};
  return { placeInLine: Math.max(1, progress.arrivalSeq - progress.processedSeq) };
}
