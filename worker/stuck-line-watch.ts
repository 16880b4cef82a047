import type { OrderContext } from '../shared/orders/order-context';
import { redisKeys } from '../shared/redis-keys';

/**
 * What no request triggers: an item line whose head has not moved since the last look gets its
 * drain requested again (a crash between an accepted order and its drain request, or a request
 * lost to a Redis blip; BullMQ deduplicates the request when a drain is pending).
 */
export class StuckLineWatch {
  private readonly lastHeads = new Map<number, string>();

  constructor(private readonly ctx: OrderContext) {}

  /** Returns how many lines got a new drain request. */
  async redrainStuckLines(): Promise<number> {
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
