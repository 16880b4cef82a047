import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Db } from './db';
import { describeMysql } from './db';
import { describeRedis } from './redis';

/** Start-up checks that fail with a message telling the operator what to do. */
class DependencyError extends Error {}

/**
 * A MySQL that takes a connection but is slow to answer its handshake (a busy server, past the
 * 800 ms connect timeout the request path keeps) is tried again at start-up for this long before
 * the process gives up; one that refuses (nothing listening, credentials or database refused)
 * fails at once.
 */
const MYSQL_STARTUP_PATIENCE_MS = 15_000;
const MYSQL_STARTUP_RETRY_PAUSE_MS = 200;

function isConnectTimeout(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'ETIMEDOUT';
}

export async function assertMysqlReachable(db: Db, databaseUrl: string): Promise<void> {
  const deadline = Date.now() + MYSQL_STARTUP_PATIENCE_MS;
  try {
    for (;;) {
      try {
        await db.raw('SELECT 1');
        return;
      } catch (error) {
        if (!isConnectTimeout(error) || Date.now() + MYSQL_STARTUP_RETRY_PAUSE_MS >= deadline) throw error;
        await sleep(MYSQL_STARTUP_RETRY_PAUSE_MS);
      }
    }
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
