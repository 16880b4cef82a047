import type { Redis } from 'ioredis';
import type { Config } from '../../shared/config';
import { createRedis } from '../../shared/redis';
import { testConfig } from './test-env';

/** A connected client under the test key prefix, for tests that run Lua steps or read keys themselves. */
export async function connectTestRedis(config: Config = testConfig()): Promise<Redis> {
  const redis = createRedis(config);
  await redis.connect();
  return redis;
}
