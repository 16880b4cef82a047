import type { Clock } from '../shared/clock';
import { cancelOrder } from '../shared/orders/cancel-order';
import type { OrderContext } from '../shared/orders/order-context';
import { redisKeys } from '../shared/redis-keys';

const TTL_SWEEP_BATCH = 500;

/**
 * What no request triggers: INITIATED orders past ORDER_TTL are canceled, and an item line whose
 * head has not moved since the last sweep gets its drain requested again (a crash between an
 * accepted order and its drain request, or a request lost to a Redis blip; BullMQ deduplicates
 * the request when a drain is pending).
 */
export class LineSweeper {
  private readonly lastHeads = new Map<number, string>();

  constructor(
    private readonly ctx: OrderContext,
    private readonly now: Clock = Date.now,
  ) {}

  async sweep(): Promise<{ expired: number; redrained: number }> {
    return { expired: await this.cancelExpiredOrders(), redrained: await this.redrainStuckLines() };
  }

  private async cancelExpiredOrders(): Promise<number> {
    const deadline = this.now() - this.ctx.config.orderTtlSeconds * 1000;
    const expired = await this.ctx.redis.zrangebyscore(redisKeys.initiatedOrders(), '-inf', deadline, 'LIMIT', 0, TTL_SWEEP_BATCH);
    let canceled = 0;
    for (const orderNum of expired) {
      try {
        await cancelOrder(this.ctx, Number(orderNum), null, 'ORDER_TTL_EXPIRED');
        canceled += 1;
      } catch (error) {
        // Paid or canceled meanwhile: the buyer got there first, nothing to do.
        this.ctx.logger.debug({ err: error, orderNum }, 'ttl cancel skipped');
      }
    }
    return canceled;
  }

  private async redrainStuckLines(): Promise<number> {
    const items = (await this.ctx.redis.smembers(redisKeys.itemsWithBacklog())).map(Number);
    let redrained = 0;
    for (const itemNum of items) {
      const head = await this.ctx.redis.lindex(redisKeys.itemLine(itemNum), 0);
      if (head !== null && head === this.lastHeads.get(itemNum)) {
        await this.ctx.orderQueues.requestDrain(itemNum);
        redrained += 1;
      }
      if (head === null) this.lastHeads.delete(itemNum);
      else this.lastHeads.set(itemNum, head);
    }
    return redrained;
  }
}
