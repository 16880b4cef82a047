import { conflict, forbidden } from '../errors';
import { ITEM_KEY_PREFIX, orderChangesChannel, redisKeys } from '../redis-keys';
import { accountDeleted, tokenRevoked, type TokenHolder } from '../users/access-tokens';
import { requestDrainAfterEntry } from './drain-request';
import type { OrderContext } from './order-context';
import { orderScripts, type StartPaymentReply } from './order-scripts';
import { orderInMysql } from './order-in-mysql';

export interface PaymentReceipt {
  orderNum: number;
  itemNum: number;
  status: 'IN_PROGRESS';
  /** The payment's place in its item's line, 1-based; the worker applies them in this order. */
  arrivalSeq: number;
}

/** Queues the payment of an INITIATED order (owner only): one Lua step, no MySQL; it also checks the caller's token is not revoked. */
export async function startPayment(ctx: OrderContext, orderNum: number, caller: TokenHolder, requestId?: string): Promise<PaymentReceipt> {
  ctx.redisGate.assertOpen();
  const reply = await startPaymentInRedis(ctx, orderNum, caller);
  switch (reply.outcome) {
    case 'OK':
      if (reply.mustRequestDrain) await requestDrainAfterEntry(ctx, reply.itemNum, requestId);
      return { orderNum, itemNum: reply.itemNum, status: 'IN_PROGRESS', arrivalSeq: reply.arrivalSeq };
    case 'NOT_FOUND':
      throw notInitiated((await orderInMysql(ctx, orderNum, caller.userNum)).status);
    case 'FORBIDDEN':
      throw forbidden();
    case 'ACCOUNT_DELETED':
      throw accountDeleted();
    case 'TOKEN_REVOKED':
      throw tokenRevoked();
    case 'INVALID_STATE':
      throw notInitiated(reply.status);
  }
}

/**
 * The one Redis step of a payment attempt (start-payment.lua). Exported for the bench, which pays
 * orders the same way without HTTP.
 */
export function startPaymentInRedis(ctx: Pick<OrderContext, 'config' | 'redis'>, orderNum: number, caller: TokenHolder): Promise<StartPaymentReply> {
  return orderScripts.startPayment.run(
    ctx.redis,
    [redisKeys.orderMirror(orderNum), redisKeys.initiatedOrders(), redisKeys.itemsWithBacklog(), redisKeys.tokensNotBefore(caller.userNum)],
    [ctx.config.redisPrefix + ITEM_KEY_PREFIX, orderNum, caller.userNum, caller.issuedAtMs, orderChangesChannel(ctx.config)],
  );
}

function notInitiated(status: string) {
  return conflict('INVALID_STATE', `Payment can only be tried for an INITIATED order; this one is ${status}`, {
    details: { status },
  });
}
