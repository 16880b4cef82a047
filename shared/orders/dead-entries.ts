import type { Redis } from 'ioredis';
import { conflict, notFound } from '../errors';
import { orderChangesChannel, redisKeys } from '../redis-keys';
import { withTransientRetry } from '../transient-retry';
import { requestDrainAfterEntry } from './drain-request';
import { orderNumOfEntry } from './line-entries';
import { lockOrders } from './order-repository';
import type { OrderContext } from './order-context';
import { orderScripts, SETTLED_MIRROR_TTL_SECONDS } from './order-scripts';
import { recordOrderChanges } from './order-transitions';

/**
 * The dead-letter list of an item's line: entries a worker could not apply for a reason that is
 * not transient, kept per order (with the entries of that order that came after) until an
 * operator retries or cancels the order. Written by worker/drain-item-line.ts, read and resolved
 * by the admin endpoints (api/routes/dead-entries.ts).
 */

/** `failed`: the entry failed alone; `follows-dead-order`: a later entry of an order already dead. */
export type DeadEntryCause = 'failed' | 'follows-dead-order';

export interface DeadOrderView {
  itemNum: number;
  /** 0 gathers entries that name no order. */
  orderNum: number;
  /** Raw line entries (shared/orders/line-entries.ts), in line order. */
  entries: string[];
  error: string;
  diedAt: string;
}

interface StoredDeadOrder {
  orderNum: number;
  entries: string[];
  error: string;
  diedAt: number;
}

const OPERATOR_CANCEL_REASON = 'CANCELED_BY_OPERATOR';

export interface LineHead {
  entries: string[];
  /** Orders of the item with dead entries: their later entries must follow them to the dead list. */
  deadOrders: Set<number>;
}

/** Up to `limit` entries from the head of the line, and the orders of the item that have dead entries: one round trip. */
export async function readLineHead(redis: Redis, itemNum: number, limit: number): Promise<LineHead> {
  const head = await readLine(redis, itemNum, [], limit);
  if (!head) throw new Error('read-line-head answered STALE for a read from the head');
  return head;
}

/**
 * The same, read from right behind `batch`, the drain's last batch, whose Redis step is sent just
 * after this read (so that the next batch can go to MySQL meanwhile); undefined when that batch is
 * no longer at the head.
 */
export function readLineBehind(redis: Redis, itemNum: number, batch: string[], limit: number): Promise<LineHead | undefined> {
  return readLine(redis, itemNum, batch, limit);
}

async function readLine(redis: Redis, itemNum: number, behind: string[], limit: number): Promise<LineHead | undefined> {
  const keys = [redisKeys.itemLine(itemNum), redisKeys.itemDeadEntries(itemNum)];
  const reply = await orderScripts.readLineHead.run(redis, keys, [behind.length, limit, behind[0] ?? '']);
  return reply.outcome === 'OK' ? { entries: reply.entries, deadOrders: reply.deadOrders } : undefined;
}

export function buryHeadEntry(redis: Redis, itemNum: number, entry: string, cause: DeadEntryCause, error: unknown) {
  const orderNum = orderNumOfEntry(entry);
  const reason = cause === 'failed' ? describeFailure(error) : `follows a dead entry of order ${orderNum}`;
  const keys = [redisKeys.itemLine(itemNum), redisKeys.itemDeadEntries(itemNum), redisKeys.itemsWithDeadEntries()];
  return orderScripts.buryLineEntry.run(redis, keys, [
    entry,
    orderNum,
    itemNum,
    cause === 'failed' ? 'first' : 'follow',
    reason.slice(0, 1000),
  ]);
}

/** What an operator needs to mend the cause: the driver's code and message (knex's own message repeats the whole statement). */
function describeFailure(error: unknown): string {
  const { code, sqlMessage, message } = (error ?? {}) as { code?: string; sqlMessage?: string; message?: string };
  if (sqlMessage) return `${code}: ${sqlMessage}`;
  return message ?? String(error);
}

function deadListKeys(itemNum: number): string[] {
  return [
    redisKeys.itemSaleState(itemNum),
    redisKeys.itemLine(itemNum),
    redisKeys.itemsWithBacklog(),
    redisKeys.itemDeadEntries(itemNum),
    redisKeys.itemsWithDeadEntries(),
  ];
}

/** Every dead order of every item, oldest first. */
export async function listDeadOrders(ctx: Pick<OrderContext, 'redis'>): Promise<DeadOrderView[]> {
  const items = (await ctx.redis.smembers(redisKeys.itemsWithDeadEntries())).map(Number);
  const perItem = await Promise.all(
    items.map(async (itemNum) =>
      Object.values(await ctx.redis.hgetall(redisKeys.itemDeadEntries(itemNum))).map((stored) => viewOf(itemNum, JSON.parse(stored) as StoredDeadOrder)),
    ),
  );
  return perItem.flat().sort((a, b) => a.diedAt.localeCompare(b.diedAt));
}

function viewOf(itemNum: number, stored: StoredDeadOrder): DeadOrderView {
  return { itemNum, orderNum: stored.orderNum, entries: stored.entries, error: stored.error, diedAt: new Date(stored.diedAt).toISOString() };
}

const deadOrderNotFound = () => notFound('Dead order', 'DEAD_ORDER_NOT_FOUND');

/** Puts the order's dead entries back at the head of its line (after the cause was mended); a worker applies them next. */
export async function retryDeadOrder(ctx: OrderContext, itemNum: number, orderNum: number): Promise<{ itemNum: number; orderNum: number; requeued: number }> {
  const reply = await orderScripts.retryDeadOrder.run(ctx.redis, deadListKeys(itemNum), [orderNum, itemNum]);
  if (reply.outcome !== 'OK') throw deadOrderNotFound();
  if (reply.mustRequestDrain) await requestDrainAfterEntry(ctx, itemNum);
  return { itemNum, orderNum, requeued: reply.entriesPutBack };
}

/**
 * Gives the order up: CANCELED in MySQL with its history row (if MySQL holds it; it can only be
 * INITIATED there, since a payment applies whole), then in Redis its dead entries are dropped,
 * the units of its payment leave the in-flight count, its mirror says CANCELED and its buyer gets
 * the units back.
 */
export async function cancelDeadOrder(ctx: OrderContext, itemNum: number, orderNum: number): Promise<{ itemNum: number; orderNum: number; status: 'CANCELED'; unitsReleased: number }> {
  if ((await ctx.redis.hexists(redisKeys.itemDeadEntries(itemNum), String(orderNum))) === 0) throw deadOrderNotFound();
  if (orderNum !== 0) await cancelInMysql(ctx, itemNum, orderNum);
  const reply = await orderScripts.cancelDeadOrder.run(
    ctx.redis,
    [
      redisKeys.itemSaleState(itemNum),
      redisKeys.itemDeadEntries(itemNum),
      redisKeys.itemsWithDeadEntries(),
      redisKeys.orderMirror(orderNum),
      redisKeys.initiatedOrders(),
      redisKeys.itemHeldUnits(itemNum),
    ],
    [orderNum, itemNum, OPERATOR_CANCEL_REASON, SETTLED_MIRROR_TTL_SECONDS, orderChangesChannel(ctx.config)],
  );
  if (reply.outcome !== 'OK') throw deadOrderNotFound();
  return { itemNum, orderNum, status: 'CANCELED', unitsReleased: reply.unitsReleased };
}

/** Same lock order as the workers (stock row, then order rows), so the two never deadlock. */
async function cancelInMysql(ctx: OrderContext, itemNum: number, orderNum: number): Promise<void> {
  await withTransientRetry(() =>
    ctx.db.transaction(async (trx) => {
      await trx('stocks').where({ item_id: itemNum }).forUpdate().first();
      const current = (await lockOrders(trx, [orderNum])).get(orderNum);
      if (!current || current.status === 'CANCELED') return;
      if (current.status !== 'INITIATED') {
        throw conflict('INVALID_STATE', `Order ${orderNum} is ${current.status} in MySQL; retry its entries instead`, { details: { status: current.status } });
      }
      const next = { ...current, status: 'CANCELED' as const };
      await recordOrderChanges(trx, [{ current, next, transitions: [{ to: 'CANCELED', reason: OPERATOR_CANCEL_REASON }] }]);
    }),
  );
}
