import { deleteKeysUnderPrefix } from '../../testkit/fresh-state';
import { createDb } from '../../shared/db';
import { highestOrderNum } from '../../shared/orders/order-repository';
import { orderScripts } from '../../shared/orders/order-scripts';
import { redisKeys } from '../../shared/redis-keys';
import { redisPrefixOfFile, testConfig, useFilePrefix } from './test-env';
import { connectTestRedis } from './test-redis';

/**
 * Gives a test file Redis keys of its own, so that it passes alone and in any order: every API and
 * worker it starts uses REDIS_PREFIX = the run's prefix + the file's name. Its keys are deleted
 * before its first test and again after its own after-hooks (its services stopped by then). Files
 * share the test database, so the file's order numbers start above every order MySQL has, as a
 * starting worker would make them.
 * Call it first thing in the file's top-level describe, before any hook that starts a service.
 */
export function isolateTestFile(file: string): void {
  before(async function () {
    useFilePrefix(redisPrefixOfFile(file));
    await deleteKeysUnderPrefix(testConfig());
    await startOrderNumbersAboveMysql();
    // Registered now, so that it runs after every after-hook the file declared.
    this.test!.parent!.afterAll('delete the Redis keys of the file', async () => {
      await deleteKeysUnderPrefix(testConfig());
      useFilePrefix(undefined);
    });
  });
}

async function startOrderNumbersAboveMysql(): Promise<void> {
  const config = testConfig();
  const db = createDb(config);
  const redis = await connectTestRedis(config);
  try {
    await orderScripts.raiseOrderSequence.run(redis, [redisKeys.orderSequence()], [await highestOrderNum(db)]);
  } finally {
    await redis.quit();
    await db.destroy();
  }
}
