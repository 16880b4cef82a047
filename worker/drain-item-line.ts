import { publishStock } from '../shared/items/sale-state-sync';
import type { BatchOutcome } from '../shared/orders/apply-line-batch';
import { applyLineBatch } from '../shared/orders/apply-line-batch';
import { parseLineEntry } from '../shared/orders/line-entries';
import type { OrderContext } from '../shared/orders/order-context';
import { orderScripts, SETTLED_MIRROR_TTL_SECONDS } from '../shared/orders/order-scripts';
import { ORDER_MIRROR_KEY_PREFIX, redisKeys } from '../shared/redis-keys';
import { withTransientRetry } from '../shared/transient-retry';

export type DrainResult = 'EMPTY' | 'MORE';

/** Told about each batch applied (metrics). */
export type BatchObserver = (entries: number, seconds: number, outcome: BatchOutcome) => void;

/**
 * Drains one item's line in arrival order, a batch at a time: whatever is waiting, up to
 * DRAIN_BATCH_SIZE, so a lone order goes alone at once and a spike goes in large batches.
 * Each batch is one MySQL transaction, then one Redis step that removes exactly that batch.
 * Returns MORE when asked to yield (its time slice used up while another drain waits, or stopping)
 * with work left.
 */
export async function drainItemLine(ctx: OrderContext, itemNum: number, shouldYield: () => Promise<boolean>, onBatch?: BatchObserver): Promise<DrainResult> {
  const line = redisKeys.itemLine(itemNum);
  const policy = { failureRate: ctx.config.paymentFailureRate, random: Math.random };
  for (;;) {
    const raw = await ctx.redis.lrange(line, 0, ctx.config.drainBatchSize - 1);
    let outcome: BatchOutcome | undefined;
    const started = process.hrtime.bigint();
    if (raw.length > 0) {
      const entries = raw.map(parseLineEntry);
      outcome = await withTransientRetry(() => applyLineBatch(ctx.db, itemNum, entries, policy));
      await publishStock(ctx.redis, itemNum, outcome.stock);
    }
    const state = await commitBatch(ctx, itemNum, raw, outcome);
    if (outcome && state !== 'STALE') onBatch?.(raw.length, Number(process.hrtime.bigint() - started) / 1e9, outcome);
    if (state === 'EMPTY') return 'EMPTY';
    if (await shouldYield()) return 'MORE';
  }
}

function commitBatch(ctx: OrderContext, itemNum: number, raw: string[], outcome: BatchOutcome | undefined) {
  const mirrorUpdates = (outcome?.orders ?? [])
    .filter((order) => order.status !== 'INITIATED')
    .flatMap((order) => [order.orderNum, order.status, order.reason]);
  return orderScripts.commitLineBatch.run(
    ctx.redis,
    [redisKeys.itemSaleState(itemNum), redisKeys.itemLine(itemNum), redisKeys.itemsWithBacklog()],
    [
      ctx.config.redisPrefix + ORDER_MIRROR_KEY_PREFIX,
      itemNum,
      raw.length,
      raw[0] ?? '',
      outcome?.unitsReleased ?? 0,
      outcome?.lastArrivalSeq ?? 0,
      SETTLED_MIRROR_TTL_SECONDS,
      Date.now(),
      ...mirrorUpdates,
    ],
  );
}
