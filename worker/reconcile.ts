import { syncAllItemSaleStates } from '../shared/items/sale-state-sync';
import type { OrderContext } from '../shared/orders/order-context';
import { orderScripts } from '../shared/orders/order-scripts';
import { redisKeys } from '../shared/redis-keys';

/**
 * Run by every worker at start (idempotent, safe beside running processes): the Redis gate and
 * sale states are rebuilt from MySQL stock, in-flight counts from the lines, order numbers and
 * arrival counters raised above MySQL's, and every line with work gets a drain.
 */
export async function reconcileAtStart(ctx: OrderContext): Promise<{ items: number; linesWithWork: number }> {
  const [{ highest }] = await ctx.db('orders').max<{ highest: number | null }[]>({ highest: 'id' });
  await orderScripts.raiseOrderSequence.run(ctx.redis, [redisKeys.orderSequence()], [Number(highest ?? 0)]);
  const catalog = await syncAllItemSaleStates(ctx.db, ctx.redis);

  const arrivals: { item_id: number; highest: number | null }[] = await ctx.db('orders')
    .select('item_id')
    .max({ highest: 'arrival_seq' })
    .groupBy('item_id');
  const highestArrival = new Map(arrivals.map((row) => [Number(row.item_id), Number(row.highest ?? 0)]));
  const backlog = (await ctx.redis.smembers(redisKeys.itemsWithBacklog())).map(Number);
  const items = new Set([...catalog, ...backlog]);

  let linesWithWork = 0;
  for (const itemNum of items) {
    const entries = await orderScripts.reconcileItemLine.run(
      ctx.redis,
      [redisKeys.itemSaleState(itemNum), redisKeys.itemLine(itemNum), redisKeys.itemsWithBacklog()],
      [itemNum, highestArrival.get(itemNum) ?? 0],
    );
    if (entries > 0) {
      linesWithWork += 1;
      await ctx.orderQueues.requestDrain(itemNum);
    }
  }
  return { items: items.size, linesWithWork };
}
