import type { ServiceContext } from '../shared/context';
import { orderScripts } from '../shared/orders/order-scripts';
import { ITEM_KEY_PREFIX, ORDER_MIRROR_KEY_PREFIX, redisKeys } from '../shared/redis-keys';

/** Mirrors settled a step at a time: a few milliseconds of Redis, so a drain that starts meanwhile waits little. */
const ORDERS_PER_STEP = 500;

/**
 * Brings the settles that line batches left for later into their mirrors
 * (shared/orders/lua/fold-settling-orders.lua), item by item, for each item whose line is empty; an
 * item whose line fills meanwhile is left to a later call (its orders are settled whenever a step
 * reads them meanwhile).
 */
export async function foldSettlingOrders(ctx: ServiceContext): Promise<void> {
  const keys = [redisKeys.itemsSettling()];
  for (const itemNum of await ctx.redis.smembers(redisKeys.itemsSettling())) {
    const args = [ctx.config.redisPrefix + ITEM_KEY_PREFIX, ctx.config.redisPrefix + ORDER_MIRROR_KEY_PREFIX, itemNum, ORDERS_PER_STEP];
    while ((await orderScripts.foldSettlingOrders.run(ctx.redis, keys, args)) > 0);
  }
}
