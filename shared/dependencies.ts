import type { Redis } from 'ioredis';
import type { Db } from './db';
import { describeMysql } from './db';
import { describeRedis } from './redis';
import { withTransientRetry } from './transient-retry';

/** Start-up checks that fail with a message telling the operator what to do. */
class DependencyError extends Error {}

/**
 * A MySQL whose handshake is answered late (a busy server, or a process of ours starved of CPU,
 * as a worker at WORKER_NICE can be on loaded cores) is past the 800 ms connect timeout or the 1 s
 * wait for a pooled connection that the request path keeps. At start-up it is tried again for this
 * long before the process gives up; one that refuses (nothing listening, credentials or database
 * refused) fails at once.
 */
const MYSQL_STARTUP_PATIENCE_MS = 15_000;

function isAnsweredLate(error: unknown): boolean {
  const { code, name } = (error ?? {}) as { code?: string; name?: string };
  return code === 'ETIMEDOUT' || name === 'KnexTimeoutError';
}

export async function assertMysqlReachable(db: Db, databaseUrl: string): Promise<void> {
  const deadline = Date.now() + MYSQL_STARTUP_PATIENCE_MS;
  try {
    await withTransientRetry(() => db.raw('SELECT 1'), {
      retryable: isAnsweredLate,
      attempts: Infinity,
      firstDelayMs: 200,
      maxDelayMs: 200,
      giveUp: () => Date.now() >= deadline,
    });
  } catch (error) {
    throw new DependencyError(
      `MySQL not reachable at ${describeMysql(databaseUrl)}: start it or set DATABASE_URL (${(error as Error).message})`,
    );
  }
}

export async function assertRedisReachable(redis: Redis, redisUrl: string): Promise<void> {
  try {
    if (redis.status === 'wait') await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new DependencyError(
      `Redis not reachable at ${describeRedis(redisUrl)}: start it or set REDIS_URL (${(error as Error).message})`,
    );
  }
}
