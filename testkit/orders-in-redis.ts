import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import { admitInRedis } from '../shared/orders/place-order';
import { startPaymentInRedis } from '../shared/orders/start-payment';

type Item = { itemNum: number; price: number };
type Buyer = { userNum: number };

const callerOf = (buyer: Buyer) => ({ userNum: buyer.userNum, role: 'BUYER' as const, issuedAtMs: Date.now() });

/** The Redis step of POST /orders for one buyer, without the drain request the API sends after it. */
export async function enterInRedis(config: Config, redis: Redis, item: Item, buyer: Buyer): Promise<number> {
  const admitted = await admitInRedis({ config, redis }, { caller: callerOf(buyer), buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price });
  if (admitted.outcome !== 'OK') throw new Error(`admit-order answered ${admitted.outcome}`);
  return admitted.orderNum;
}

/** The Redis step of try-payment for the buyer's order, without the drain request. */
export async function payInRedis(config: Config, redis: Redis, orderNum: number, buyer: Buyer): Promise<void> {
  const paid = await startPaymentInRedis({ config, redis }, orderNum, callerOf(buyer));
  if (paid.outcome !== 'OK') throw new Error(`start-payment answered ${paid.outcome}`);
}

/**
 * The Redis steps of POST /orders and try-payment for one buyer, without the drain request the API
 * sends after them: what the line holds when an API process stopped right there.
 */
export async function enterAndPayInRedis(config: Config, redis: Redis, item: Item, buyer: Buyer): Promise<number> {
  const orderNum = await enterInRedis(config, redis, item, buyer);
  await payInRedis(config, redis, orderNum, buyer);
  return orderNum;
}
