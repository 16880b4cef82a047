import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from './config';

/** A command without a reply by then is answered as Redis being unavailable (a buyer waits at most this). */
const REDIS_COMMAND_TIMEOUT_MS = 1000;
const REDIS_CONNECT_TIMEOUT_MS = 1000;
/** A connection that sent commands and heard nothing this long is dropped and made again (a silent partition). */
const REDIS_SOCKET_TIMEOUT_MS = 2000;
const RECONNECT_DELAY_CAP_MS = 1000;

/**
 * Reconnect soon and keep trying for as long as it takes: 100, 200, 400... capped at 1 s, with
 * jitter so that many processes don't reconnect in step. Redis coming back is noticed within ~1 s.
 */
function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** (attempt - 1), RECONNECT_DELAY_CAP_MS) + Math.floor(Math.random() * 100);
}

/**
 * `fail-fast`, for every command an HTTP request waits on: fail at once while Redis is away instead
 * of parking the command in an in-memory queue for the length of the outage (BullMQ's production
 * guide says the same of producers). No offline queue, no command resent after a reconnect (it may
 * have run already), each command bounded by a timeout; reconnection goes on in the background.
 *
 * `patient`, for a worker, which nobody waits on: it waits out an outage or a pause and goes on
 * (BullMQ requires maxRetriesPerRequest null of its blocking connections). What waits is bounded:
 * a worker sends few commands, one after the other, and every step it sends is safe to run twice
 * (a command resent after a reconnect).
 */
export type RedisPatience = 'fail-fast' | 'patient';

export const REDIS_OPTIONS: Record<RedisPatience, RedisOptions> = {
  'fail-fast': {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    socketTimeout: REDIS_SOCKET_TIMEOUT_MS,
    retryStrategy: reconnectDelay,
  },
  patient: { maxRetriesPerRequest: null, retryStrategy: reconnectDelay },
};

/**
 * The application's Redis client: every key it touches carries REDIS_PREFIX (ioredis keyPrefix
 * applies to KEYS of commands and Lua scripts alike). BullMQ gets connections of its own without
 * keyPrefix, which it refuses, and uses its `prefix` option instead (see shared/queue.ts).
 * The API's (fail-fast) client pipelines automatically: what the requests of one turn of the
 * event loop send goes out in one write and comes back in one read, instead of a system call on
 * both sides per command, the largest share of Redis's CPU per order (bench/cpu-per-arrival.ts:
 * about a fifth less near the capacity knee). One batch is in flight at a time, so during a silent
 * partition a command may wait for the batch ahead of it to time out before its own timeout starts.
 */
export function createRedis(config: Pick<Config, 'redisUrl' | 'redisPrefix'>, patience: RedisPatience = 'fail-fast'): Redis {
  return new Redis(config.redisUrl, { keyPrefix: config.redisPrefix, lazyConnect: true, ...REDIS_OPTIONS[patience], enableAutoPipelining: patience === 'fail-fast' });
}

export function describeRedis(redisUrl: string): string {
  const url = new URL(redisUrl);
  return `${url.hostname}:${url.port || 6379}`;
}

/** Closes a client: QUIT when connected (replies in flight arrive first), else just drops it (a fail-fast client refuses QUIT offline). */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
