import { conflict, forbidden, notFound } from '../errors';
import { lockStock, writeStock } from '../items/item-repository';
import { publishStock } from '../items/sale-state-sync';
import { redisKeys } from '../redis-keys';
import { withTransientRetry } from '../transient-retry';
import type { OrderContext } from './order-context';
import { lockOrders } from './order-repository';
import { orderScripts, SETTLED_MIRROR_TTL_SECONDS } from './order-scripts';
import type { OrderStatus } from './order-status';
import { recordOrderChanges } from './order-transitions';

const REFUND_REASON = 'CANCELED_BY_BUYER';

export const notCancelable = (status: OrderStatus) =>
  conflict('INVALID_STATE', `Only an INITIATED or PAID order can be canceled; this one is ${status}`, { details: { status } });

/**
 * PAID -> CANCELED: payment REFUNDED and the units back in stock, in one transaction. The status
 * check under the row lock makes concurrent or repeated cancels restore stock, and give the buyer's
 * units of the item back in Redis, exactly once.
 * Lock order is stock row, then order row: the same as the workers', so the two never deadlock;
 * the caller knows the order's item (its mirror or its row said so).
 */
export async function refundPaidOrder(ctx: OrderContext, orderNum: number, itemNum: number, buyerNum: number): Promise<void> {
  const refunded = await withTransientRetry(() =>
    ctx.db.transaction(async (trx) => {
      const before = await lockStock(trx, itemNum);
      const current = (await lockOrders(trx, [orderNum])).get(orderNum);
      if (!current || current.item_id !== itemNum) throw notFound('Order', 'ORDER_NOT_FOUND');
      if (current.buyer_id !== buyerNum) throw forbidden();
      if (current.status !== 'PAID') throw notCancelable(current.status);
      const now = new Date();
      await recordOrderChanges(trx, [{ current, next: { ...current, status: 'CANCELED' }, transitions: [{ to: 'CANCELED', reason: REFUND_REASON }] }], now);
      await trx('payments').where({ order_id: orderNum, status: 'PAID' }).update({ status: 'REFUNDED', refunded_at: now, updated_at: now });
      const after = { quantity: before.quantity + current.quantity, version: before.version + 1 };
      await writeStock(trx, itemNum, after, now);
      return { stock: after, quantity: current.quantity };
    }),
  );
  await publishStock(ctx.redis, itemNum, refunded.stock);
  await orderScripts.settleOrderMirror.run(
    ctx.redis,
    [redisKeys.orderMirror(orderNum), redisKeys.itemHeldUnits(itemNum), redisKeys.itemSettlingOrders(itemNum)],
    ['CANCELED', REFUND_REASON, SETTLED_MIRROR_TTL_SECONDS, buyerNum, refunded.quantity, orderNum],
  );
}
