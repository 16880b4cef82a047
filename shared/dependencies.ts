import type { Redis } from 'ioredis';
import type { Db } from './db';
import { describeMysql } from './db';
import { describeRedis } from './redis';

/** Start-up checks that fail with a message telling the operator what to do. */
class DependencyError extends Error {}

export async function assertMysqlReachable(db: Db, databaseUrl: string): Promise<void> {
  try {
    await db.raw('SELECT 1');
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
