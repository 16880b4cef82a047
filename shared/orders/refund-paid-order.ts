import { conflict, forbidden, notFound } from '../errors';
import { publishStock } from '../items/sale-state-sync';
import { redisKeys } from '../redis-keys';
import { withTransientRetry } from '../transient-retry';
import type { OrderContext } from './order-context';
import { findOrder, lockOrders } from './order-repository';
import { orderScripts, SETTLED_MIRROR_TTL_SECONDS } from './order-scripts';
import { recordOrderChanges } from './order-transitions';

export const REFUND_REASON = 'CANCELED_BY_BUYER';

/**
 * PAID -> CANCELED: payment REFUNDED and the units back in stock, in one transaction. The status
 * check under the row lock makes concurrent or repeated cancels restore stock exactly once.
 * Lock order is stock row, then order row: the same as the workers', so the two never deadlock.
 */
export async function refundPaidOrder(ctx: OrderContext, orderNum: number, buyerNum: number): Promise<void> {
  const order = await findOrder(ctx.db, orderNum);
  if (!order) throw notFound('Order', 'ORDER_NOT_FOUND');
  if (order.buyer_id !== buyerNum) throw forbidden();

  const stock = await withTransientRetry(() =>
    ctx.db.transaction(async (trx) => {
      const row: { quantity: number; version: number } = await trx('stocks')
        .select('quantity', 'version')
        .where({ item_id: order.item_id })
        .forUpdate()
        .first();
      const current = (await lockOrders(trx, [orderNum])).get(orderNum)!;
      if (current.status !== 'PAID') {
        throw conflict('INVALID_STATE', `Only an INITIATED or PAID order can be canceled; this one is ${current.status}`, {
          details: { status: current.status },
        });
      }
      const now = new Date();
      await recordOrderChanges(trx, [{ current, next: { ...current, status: 'CANCELED' }, transitions: [{ to: 'CANCELED', reason: REFUND_REASON }] }], now);
      await trx('payments').where({ order_id: orderNum, status: 'PAID' }).update({ status: 'REFUNDED', refunded_at: now, updated_at: now });
      const next = { quantity: Number(row.quantity) + current.quantity, version: Number(row.version) + 1 };
      await trx('stocks').where({ item_id: order.item_id }).update({ ...next, updated_at: now });
      return next;
    }),
  );
  await publishStock(ctx.redis, order.item_id, stock);
  await orderScripts.settleOrderMirror.run(ctx.redis, [redisKeys.orderMirror(orderNum)], [
    'CANCELED',
    REFUND_REASON,
    Date.now(),
    SETTLED_MIRROR_TTL_SECONDS,
  ]);
}
