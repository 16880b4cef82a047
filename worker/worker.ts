import type { Config } from '../shared/config';
import { createDb } from '../shared/db';
import { assertMysqlReachable, assertRedisReachable } from '../shared/dependencies';
import type { Logger } from '../shared/logger';
import { createRedis } from '../shared/redis';

export interface RunningWorker {
  stop(): Promise<void>;
}

/** Connects and checks the dependencies; the order processors attach here (issue: order pipeline). */
export async function startWorker(config: Config, logger: Logger): Promise<RunningWorker> {
  const db = createDb(config);
  const redis = createRedis(config);
  await assertMysqlReachable(db, config.databaseUrl);
  await assertRedisReachable(redis, config.redisUrl);
  logger.info('worker started');
  return {
    async stop() {
      await db.destroy();
      await redis.quit();
    },
  };
}
