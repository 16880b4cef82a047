import { conflict, forbidden } from '../errors';
import { ITEM_KEY_PREFIX, redisKeys } from '../redis-keys';
import { requestDrainAfterEntry } from './drain-request';
import type { OrderContext } from './order-context';
import { orderScripts } from './order-scripts';
import type { OrderStatus } from './order-status';
import { refundPaidOrder } from './refund-paid-order';
import { statusInMysql } from './status-in-mysql';

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
    [ctx.config.redisPrefix + ITEM_KEY_PREFIX, orderNum, buyerNum ?? '', Date.now(), reason],
  );
  switch (reply.outcome) {
    case 'OK':
      if (reply.mustRequestDrain) await requestDrainAfterEntry(ctx, reply.itemNum);
      return { orderNum, status: 'CANCELED', refunded: false };
    case 'FORBIDDEN':
      throw forbidden();
    case 'NOT_INITIATED':
      return cancelSettled(ctx, orderNum, buyerNum, reply.status);
    case 'NOT_FOUND':
      return cancelSettled(ctx, orderNum, buyerNum, await statusInMysql(ctx, orderNum, buyerNum));
  }
}

async function cancelSettled(ctx: OrderContext, orderNum: number, buyerNum: number | null, status: OrderStatus): Promise<CancelReceipt> {
  if (status !== 'PAID' || buyerNum === null) {
    throw conflict('INVALID_STATE', `Only an INITIATED or PAID order can be canceled; this one is ${status}`, { details: { status } });
  }
  await refundPaidOrder(ctx, orderNum, buyerNum);
  return { orderNum, status: 'CANCELED', refunded: true };
}
