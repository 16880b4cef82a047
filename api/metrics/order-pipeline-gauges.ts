import { Gauge, type Registry } from 'prom-client';
import { listUnendedItems } from '../../shared/items/item-repository';
import { isPurchasableAt } from '../../shared/items/sale-window';
import type { OrderContext } from '../../shared/orders/order-context';
import { redisKeys } from '../../shared/redis-keys';

/** Items reported per scrape at most: a stock series per item on sale, newest items first. */
const MAX_ITEMS_REPORTED = 500;
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/**
 * Gauges read when Prometheus scrapes (nothing is computed per request): drain jobs per partition
 * and state, age of the oldest waiting job, entries waiting in each item's line, stock left per
 * item on sale. They describe the whole service, not this process: where several API processes'
 * metrics are aggregated, one process's reading is taken, not their sum.
 */
const SERVICE_WIDE = { aggregator: 'first' } as const;

export function registerOrderPipelineGauges(registry: Registry, ctx: OrderContext): void {
  const partitionOfQueue = (name: string) => name.replace(/^orders-p/, '');

  new Gauge({
    name: 'order_queue_jobs',
    help: 'Drain jobs per queue partition and state',
    labelNames: ['partition', 'state'],
    registers: [registry],
    ...SERVICE_WIDE,
    async collect() {
      this.reset();
      await Promise.all(
        ctx.orderQueues.queues.map(async (queue) => {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.set({ partition: partitionOfQueue(queue.name), state }, counts[state] ?? 0);
        }),
      );
    },
  });

  new Gauge({
    name: 'order_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting drain job per queue partition (0 when none waits)',
    labelNames: ['partition'],
    registers: [registry],
    ...SERVICE_WIDE,
    async collect() {
      const now = Date.now();
      await Promise.all(
        ctx.orderQueues.queues.map(async (queue) => {
          const [oldest] = await queue.getJobs(['waiting'], 0, 0, true);
          this.set({ partition: partitionOfQueue(queue.name) }, oldest ? (now - oldest.timestamp) / 1000 : 0);
        }),
      );
    },
  });

  new Gauge({
    name: 'item_line_entries',
    help: 'Order entries waiting in an item line (items with a backlog only)',
    labelNames: ['item'],
    registers: [registry],
    ...SERVICE_WIDE,
    async collect() {
      this.reset();
      const itemNums = (await ctx.redis.smembers(redisKeys.itemsWithBacklog())).slice(0, MAX_ITEMS_REPORTED);
      const lengths = await Promise.all(itemNums.map((itemNum) => ctx.redis.llen(redisKeys.itemLine(Number(itemNum)))));
      itemNums.forEach((itemNum, i) => this.set({ item: itemNum }, lengths[i]));
    },
  });

  new Gauge({
    name: 'item_stock_left',
    help: 'Units left (MySQL, settled payments) per item on sale now',
    labelNames: ['item'],
    registers: [registry],
    ...SERVICE_WIDE,
    async collect() {
      this.reset();
      const now = new Date();
      const items = await listUnendedItems(ctx.db, now, MAX_ITEMS_REPORTED);
      for (const item of items) {
        if (isPurchasableAt({ availableAt: item.available_at, endAt: item.end_at }, now)) {
          this.set({ item: String(item.id) }, item.quantity);
        }
      }
    },
  });
}
