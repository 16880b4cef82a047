import { syncAllItemSaleStates } from '../items/sale-state-sync';
import { LuaScript, replies } from '../lua/lua-script';
import { enforceSerialPartitions } from '../queue';
import { ORDER_MIRROR_KEY_PREFIX, redisKeys } from '../redis-keys';
import { listUsersWithTokensVoidedSince } from '../users/user-repository';
import type { PipelineContext } from './order-context';
import { orderNumOfEntry } from './line-entries';
import { highestArrivalSeqByItem, highestOrderNum, listInitiatedOrders, readHeldUnits } from './order-repository';
import { orderScripts } from './order-scripts';
import { holdsUnits } from './order-status';

const raiseTokensNotBefore = new LuaScript(`${__dirname}/../users/lua/raise-tokens-not-before.lua`, 1, replies.flag('raise-tokens-not-before'));

/** Redis steps sent at once per round (ioredis pipelines them on the one connection). */
const CONCURRENT_STEPS = 200;

export interface ReconcileReport {
  items: number;
  linesWithWork: number;
  initiatedRestored: number;
  heldUnitsRebuilt: boolean;
}

export interface ReconcileOptions {
  /** Redis came back without all it had (restarted from an older state, or emptied): what buyers hold is rebuilt too. */
  dataLost: boolean;
}

async function inRounds<T>(values: T[], step: (value: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < values.length; i += CONCURRENT_STEPS) await Promise.all(values.slice(i, i + CONCURRENT_STEPS).map(step));
}

/**
 * Puts what Redis holds right with MySQL, the system of record. Run by every worker at start and by
 * whichever process first sees Redis back after a restart or without its data (shared/redis-recovery.ts).
 * Idempotent and safe beside running processes: partitions serial again, the gate and sale states
 * from MySQL stock, in-flight counts from the lines, order numbers and arrival counters above
 * MySQL's, INITIATED orders and token revocations Redis may have lost back in place, a drain
 * for every line with work, and after a loss of data what buyers hold.
 */
export async function reconcileRedisWithMysql(ctx: PipelineContext, options: ReconcileOptions): Promise<ReconcileReport> {
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
  if (options.dataLost) await rebuildHeldUnits(ctx, items);
  return { items: items.length, linesWithWork: withWork.length, initiatedRestored, heldUnitsRebuilt: options.dataLost };
}

/**
 * What each buyer holds of each item (DESIGN §10), after Redis lost data. While Redis keeps its
 * data the admit and settling steps keep these counts right, so they are left alone then: a
 * rebuild beside API processes taking orders could miss one admitted and drained meanwhile.
 * Orders with entries still in a line are counted by the Lua step from their mirrors, which move
 * together with the counts; MySQL's sums leave them out.
 */
async function rebuildHeldUnits(ctx: PipelineContext, itemNums: number[]): Promise<void> {
  const withEntries = new Map<number, number[]>();
  await inRounds(itemNums, async (itemNum) => withEntries.set(itemNum, await ordersWithEntries(ctx, itemNum)));
  const { held, orders } = await readHeldUnits(ctx.db, [...withEntries.values()].flat());
  const sums = new Map<number, Map<number, number>>();
  const add = (itemNum: number, buyerNum: number, units: number) => {
    const ofItem = sums.get(itemNum) ?? new Map<number, number>();
    ofItem.set(buyerNum, (ofItem.get(buyerNum) ?? 0) + units);
    sums.set(itemNum, ofItem);
  };
  for (const row of held) add(row.item_id, row.buyer_id, row.units);
  for (const order of orders) if (holdsUnits(order.status)) add(order.item_id, order.buyer_id, -order.quantity);
  const rowOf = new Map(orders.map((order) => [order.id, order]));

  await inRounds(itemNums, (itemNum) => {
    const base = [...(sums.get(itemNum) ?? [])].filter(([, units]) => units > 0);
    const inMysql = (withEntries.get(itemNum) ?? []).flatMap((orderNum) => {
      const row = rowOf.get(orderNum);
      return [orderNum, row?.buyer_id ?? 0, row?.quantity ?? 0, row && holdsUnits(row.status) ? 1 : 0];
    });
    return orderScripts.rebuildHeldUnits.run(
      ctx.redis,
      [redisKeys.itemHeldUnits(itemNum), redisKeys.itemLine(itemNum), redisKeys.itemDeadEntries(itemNum)],
      [ctx.config.redisPrefix + ORDER_MIRROR_KEY_PREFIX, base.length, ...base.flat(), ...inMysql],
    );
  });
}

/** The orders with entries in the item's line or its dead-letter list. */
async function ordersWithEntries(ctx: PipelineContext, itemNum: number): Promise<number[]> {
  const [entries, dead] = await Promise.all([ctx.redis.lrange(redisKeys.itemLine(itemNum), 0, -1), ctx.redis.hkeys(redisKeys.itemDeadEntries(itemNum))]);
  return [...new Set([...entries.map(orderNumOfEntry), ...dead.map(Number)])].filter((orderNum) => orderNum > 0);
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
