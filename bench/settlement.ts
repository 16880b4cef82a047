import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Db } from '../shared/db';
import { redisKeys } from '../shared/redis-keys';
import { SETTLED_STATUSES } from '../shared/orders/order-status';

const SETTLE_TIMEOUT_MS = 10 * 60_000;

/**
 * Seconds until the item's line is empty and, unless `everyOrderPaid` is false, every order of it
 * is settled in MySQL (orders entered but never paid stay INITIATED until ORDER_TTL). Before it
 * returns, it also waits (uncounted) until the workers' sweep has settled the mirrors the drain
 * left to settle later, so that the next part does not share Redis with that work.
 */
export async function waitUntilItemSettled(db: Db, redis: Redis, itemNum: number, everyOrderPaid = true): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < SETTLE_TIMEOUT_MS) {
    const [{ open }] = await db('orders')
      .where({ item_id: itemNum })
      .whereNotIn('status', everyOrderPaid ? SETTLED_STATUSES : [...SETTLED_STATUSES, 'INITIATED'])
      .count<{ open: number }[]>({ open: '*' });
    const line = await redis.llen(redisKeys.itemLine(itemNum));
    if (Number(open) === 0 && line === 0) {
      const seconds = (Date.now() - started) / 1000;
      while ((await redis.sismember(redisKeys.itemsSettling(), String(itemNum))) === 1) {
        if (Date.now() - started > SETTLE_TIMEOUT_MS) throw new Error(`item ${itemNum}'s mirrors were not settled within ${SETTLE_TIMEOUT_MS / 1000} s`);
        await sleep(100);
      }
      return seconds;
    }
    await sleep(100);
  }
  throw new Error(`item ${itemNum} did not settle within ${SETTLE_TIMEOUT_MS / 1000} s`);
}

/** Orders of the item by status, as MySQL holds them. */
export async function outcomesOf(db: Db, itemNum: number): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await db('orders').where({ item_id: itemNum }).groupBy('status').select('status').count({ n: '*' });
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}
