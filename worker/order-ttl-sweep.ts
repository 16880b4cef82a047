import { cancelOrder } from '../shared/orders/cancel-order';
import type { OrderContext } from '../shared/orders/order-context';
import { orderScripts } from '../shared/orders/order-scripts';
import { redisKeys } from '../shared/redis-keys';

const TTL_SWEEP_BATCH = 500;

/**
 * Cancels INITIATED orders older than ORDER_TTL by Redis's clock (the one that dated them), up to a
 * batch per call; returns how many. `aheadMs` judges them that much later (a test, rather than wait).
 */
export async function cancelOrdersPastTtl(ctx: OrderContext, aheadMs = 0): Promise<number> {
  const expiresAfterMs = ctx.config.orderTtlSeconds * 1000 - aheadMs;
  const expired = await orderScripts.listOrdersPastTtl.run(ctx.redis, [redisKeys.initiatedOrders()], [expiresAfterMs, TTL_SWEEP_BATCH]);
  let canceled = 0;
  for (const orderNum of expired) {
    try {
      await cancelOrder(ctx, orderNum, null, 'ORDER_TTL_EXPIRED');
      canceled += 1;
    } catch (error) {
      // Paid or canceled meanwhile: the buyer got there first, nothing to do.
      ctx.logger.debug({ err: error, orderNum }, 'ttl cancel skipped');
    }
  }
  return canceled;
}
