import { syncAllItemSaleStates } from '../items/sale-state-sync';
import { LuaScript, replies } from '../lua/lua-script';
import { enforceSerialPartitions } from '../queue';
import { redisKeys } from '../redis-keys';
import { listUsersWithTokensVoidedSince } from '../users/user-repository';
import type { PipelineContext } from './order-context';
import { highestArrivalSeqByItem, highestOrderNum, listInitiatedOrders } from './order-repository';
import { orderScripts } from './order-scripts';

const raiseTokensNotBefore = new LuaScript(`${__dirname}/../users/lua/raise-tokens-not-before.lua`, 1, replies.flag('raise-tokens-not-before'));

/** Redis steps sent at once per round (ioredis pipelines them on the one connection). */
const CONCURRENT_STEPS = 200;

export interface ReconcileReport {
  items: number;
  linesWithWork: number;
  initiatedRestored: number;
}

async function inRounds<T>(values: T[], step: (value: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < values.length; i += CONCURRENT_STEPS) await Promise.all(values.slice(i, i + CONCURRENT_STEPS).map(step));
}

/**
 * Puts what Redis holds right with MySQL, the system of record. Run by every worker at start and by
 * whichever process first sees Redis back after a restart or without its data (shared/redis-recovery.ts).
 * Idempotent and safe beside running processes: partitions serial again, the gate and sale states
 * from MySQL stock, in-flight counts from the lines, order numbers and arrival counters above
 * MySQL's, INITIATED orders and token revocations Redis may have lost back in place, and a drain
 * for every line with work.
 */
export async function reconcileRedisWithMysql(ctx: PipelineContext): Promise<ReconcileReport> {
  await enforceSerialPartitions(ctx.orderQueues.queues);
  await orderScripts.raiseOrderSequence.run(ctx.redis, [redisKeys.orderSequence()], [await highestOrderNum(ctx.db)]);
  const catalog = await syncAllItemSaleStates(ctx.db, ctx.redis);
  const initiatedRestored = await restoreInitiatedOrders(ctx);
  await revokeTokensAgain(ctx);

  const highestArrival = await highestArrivalSeqByItem(ctx.db);
  const backlog = (await ctx.redis.smembers(redisKeys.itemsWithBacklog())).map(Number);
  const items = [...new Set([...catalog, ...backlog])];

  const withWork: number[] = [];
  await inRounds(items, async (itemNum) => {
    const entries = await orderScripts.reconcileItemLine.run(
      ctx.redis,
      [redisKeys.itemSaleState(itemNum), redisKeys.itemLine(itemNum), redisKeys.itemsWithBacklog(), redisKeys.itemDeadEntries(itemNum)],
      [itemNum, highestArrival.get(itemNum) ?? 0],
    );
    if (entries > 0) withWork.push(itemNum);
  });
  await inRounds(withWork, (itemNum) => ctx.orderQueues.requestDrain(itemNum));
  return { items: items.length, linesWithWork: withWork.length, initiatedRestored };
}

async function restoreInitiatedOrders(ctx: PipelineContext): Promise<number> {
  const rows = await listInitiatedOrders(ctx.db);
  let restored = 0;
  await inRounds(rows, async (row) => {
    const keys = [redisKeys.orderMirror(row.id), redisKeys.initiatedOrders()];
    const order = [row.id, row.buyer_id, row.item_id, row.quantity, row.unit_price, row.amount, row.created_at.getTime()];
    if (await orderScripts.restoreInitiatedOrder.run(ctx.redis, keys, order)) restored += 1;
  });
  return restored;
}

/**
 * Tokens live JWT_EXPIRES_IN_SECONDS: an account deleted or whose password changed within that time
 * may have had its tokens voided in a Redis that lost it. MySQL keeps both instants.
 */
async function revokeTokensAgain(ctx: PipelineContext): Promise<void> {
  const rows = await listUsersWithTokensVoidedSince(ctx.db, new Date(Date.now() - ctx.config.jwtExpiresInSeconds * 1000));
  await inRounds(rows, (row) =>
    raiseTokensNotBefore.run(ctx.redis, [redisKeys.tokensNotBefore(row.id)], [row.deleted_at ? 'deleted' : row.tokens_not_before!.getTime()]),
  );
}
