import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from './config';

/**
 * The application's Redis client: every key it touches carries REDIS_PREFIX (ioredis keyPrefix
 * applies to KEYS of commands and Lua scripts alike). BullMQ gets connections of its own without
 * keyPrefix, which it refuses, and uses its `prefix` option instead (see shared/queue.ts).
 */
export function createRedis(config: Pick<Config, 'redisUrl' | 'redisPrefix'>, options: RedisOptions = {}): Redis {
  return new Redis(config.redisUrl, { keyPrefix: config.redisPrefix, lazyConnect: true, ...options });
}

export function describeRedis(redisUrl: string): string {
  const url = new URL(redisUrl);
  return `${url.hostname}:${url.port || 6379}`;
}
