import type { Clock } from '../shared/clock';
import { cancelOrder } from '../shared/orders/cancel-order';
import type { OrderContext } from '../shared/orders/order-context';
import { redisKeys } from '../shared/redis-keys';

const TTL_SWEEP_BATCH = 500;

/** Cancels INITIATED orders older than ORDER_TTL at `now`, up to a batch per call; returns how many. */
export async function cancelOrdersPastTtl(ctx: OrderContext, now: Clock): Promise<number> {
  const deadline = now() - ctx.config.orderTtlSeconds * 1000;
  const expired = await ctx.redis.zrangebyscore(redisKeys.initiatedOrders(), '-inf', deadline, 'LIMIT', 0, TTL_SWEEP_BATCH);
  let canceled = 0;
  for (const orderNum of expired) {
    try {
      await cancelOrder(ctx, Number(orderNum), null, 'ORDER_TTL_EXPIRED');
      canceled += 1;
    } catch (error) {
      // Paid or canceled meanwhile: the buyer got there first, nothing to do.
      ctx.logger.debug({ err: error, orderNum }, 'ttl cancel skipped');
    }
  }
  return canceled;
}
