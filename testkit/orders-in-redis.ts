import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import { admitInRedis } from '../shared/orders/place-order';
import { startPaymentInRedis } from '../shared/orders/start-payment';

/**
 * The Redis steps of POST /orders and try-payment for one buyer, without the drain request the API
 * sends after them: what the line holds when an API process stopped right there.
 */
export async function enterAndPayInRedis(config: Config, redis: Redis, item: { itemNum: number; price: number }, buyer: { userNum: number }): Promise<number> {
  const caller = { userNum: buyer.userNum, role: 'BUYER' as const, issuedAtMs: Date.now() };
  const admitted = await admitInRedis({ config, redis }, { caller, buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price });
  if (admitted.outcome !== 'OK') throw new Error(`admit-order answered ${admitted.outcome}`);
  const paid = await startPaymentInRedis({ config, redis }, admitted.orderNum, caller);
  if (paid.outcome !== 'OK') throw new Error(`start-payment answered ${paid.outcome}`);
  return admitted.orderNum;
}
