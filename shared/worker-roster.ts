import type { Redis } from 'ioredis';
import { redisKeys } from './redis-keys';

/** serving: /metrics answers on metricsPort; off: WORKER_METRICS_PORT is 0; unavailable: see problem. */
export const WORKER_METRICS_STATES = ['serving', 'off', 'unavailable'] as const;

/** What a worker tells the other processes about itself; the API's /ready lists the live ones. */
export interface WorkerEntry {
  host: string;
  pid: number;
  metrics: (typeof WORKER_METRICS_STATES)[number];
  metricsPort: number;
  problem?: string;
}

/** A worker renews its entry this often; an entry not renewed for ENTRY_LIFETIME_MS (a killed worker) drops out. */
export const ROSTER_RENEW_MS = 5_000;
const ENTRY_LIFETIME_MS = 3 * ROSTER_RENEW_MS;

// The entry's JSON is the member and its lapse time the score, so one key holds the roster and
// lapsed entries go with one ZREMRANGEBYSCORE; an entry's content is fixed for the worker's life.
export async function renewRosterEntry(redis: Redis, entry: WorkerEntry): Promise<void> {
  const now = Date.now();
  await redis.zremrangebyscore(redisKeys.workerRoster(), '-inf', now);
  await redis.zadd(redisKeys.workerRoster(), now + ENTRY_LIFETIME_MS, JSON.stringify(entry));
}

export async function leaveRoster(redis: Redis, entry: WorkerEntry): Promise<void> {
  await redis.zrem(redisKeys.workerRoster(), JSON.stringify(entry));
}

export async function liveWorkers(redis: Redis): Promise<WorkerEntry[]> {
  const members = await redis.zrangebyscore(redisKeys.workerRoster(), Date.now(), '+inf');
  return members.map((member) => JSON.parse(member) as WorkerEntry);
}
