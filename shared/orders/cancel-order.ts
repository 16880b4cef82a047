import { forbidden } from '../errors';
import { ITEM_KEY_PREFIX, orderChangesChannel, redisKeys } from '../redis-keys';
import { requestDrainAfterEntry } from './drain-request';
import type { OrderContext } from './order-context';
import { orderScripts } from './order-scripts';
import type { OrderStatus } from './order-status';
import { notCancelable, refundPaidOrder } from './refund-paid-order';
import { orderInMysql } from './order-in-mysql';

export interface CancelReceipt {
  orderNum: number;
  status: 'CANCELED';
  refunded: boolean;
}

export type CancelReason = 'CANCELED_BY_BUYER' | 'ORDER_TTL_EXPIRED';

/**
 * INITIATED -> CANCELED in Redis at once (the worker writes it to MySQL in line order);
 * PAID -> CANCELED with a refund through MySQL; anything else is a 409 with the current state.
 * `buyerNum` null: the service itself (ORDER_TTL).
 */
export async function cancelOrder(ctx: OrderContext, orderNum: number, buyerNum: number | null, reason: CancelReason = 'CANCELED_BY_BUYER'): Promise<CancelReceipt> {
  ctx.redisGate.assertOpen();
  const reply = await orderScripts.cancelInitiatedOrder.run(
    ctx.redis,
    [redisKeys.orderMirror(orderNum), redisKeys.initiatedOrders(), redisKeys.itemsWithBacklog()],
    [ctx.config.redisPrefix + ITEM_KEY_PREFIX, orderNum, buyerNum ?? '', reason, orderChangesChannel(ctx.config)],
  );
  switch (reply.outcome) {
    case 'OK':
      if (reply.mustRequestDrain) await requestDrainAfterEntry(ctx, reply.itemNum);
      return { orderNum, status: 'CANCELED', refunded: false };
    case 'FORBIDDEN':
      throw forbidden();
    case 'NOT_INITIATED':
      return cancelSettled(ctx, { orderNum, itemNum: reply.itemNum, status: reply.status }, buyerNum);
    case 'NOT_FOUND': {
      const order = await orderInMysql(ctx, orderNum, buyerNum);
      return cancelSettled(ctx, { orderNum, itemNum: order.item_id, status: order.status }, buyerNum);
    }
  }
}

async function cancelSettled(ctx: OrderContext, order: { orderNum: number; itemNum: number; status: OrderStatus }, buyerNum: number | null): Promise<CancelReceipt> {
  if (order.status !== 'PAID' || buyerNum === null) throw notCancelable(order.status);
  await refundPaidOrder(ctx, order.orderNum, order.itemNum, buyerNum);
  return { orderNum: order.orderNum, status: 'CANCELED', refunded: true };
}
