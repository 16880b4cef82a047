import { conflict, forbidden } from '../errors';
import { ITEM_KEY_PREFIX, redisKeys } from '../redis-keys';
import { accountDeleted, tokenRevoked, type TokenHolder } from '../users/access-tokens';
import { requestDrainAfterEntry } from './drain-request';
import type { OrderContext } from './order-context';
import { orderScripts } from './order-scripts';
import { statusInMysql } from './status-in-mysql';

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
  const buyerNum = caller.userNum;
  const [outcome, detail, seq, signal] = await orderScripts.startPayment.run(
    ctx.redis,
    [redisKeys.orderMirror(orderNum), redisKeys.initiatedOrders(), redisKeys.itemsWithBacklog(), redisKeys.tokensNotBefore(buyerNum)],
    [ctx.config.redisPrefix + ITEM_KEY_PREFIX, orderNum, buyerNum, Date.now(), caller.issuedAtMs],
  );
  switch (outcome) {
    case 'OK': {
      const itemNum = Number(detail);
      if (Number(signal) === 1) await requestDrainAfterEntry(ctx, itemNum, requestId);
      return { orderNum, itemNum, status: 'IN_PROGRESS', arrivalSeq: Number(seq) };
    }
    case 'NOT_FOUND':
      throw notInitiated(await statusInMysql(ctx, orderNum, buyerNum));
    case 'FORBIDDEN':
      throw forbidden();
    case 'ACCOUNT_DELETED':
      throw accountDeleted();
    case 'TOKEN_REVOKED':
      throw tokenRevoked();
    case 'INVALID_STATE':
      throw notInitiated(String(detail));
    default:
      throw new Error(`start-payment answered ${String(outcome)}`);
  }
}

function notInitiated(status: string) {
  return conflict('INVALID_STATE', `Payment can only be tried for an INITIATED order; this one is ${status}`, {
    details: { status },
  });
}
