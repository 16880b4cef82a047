import { createRedis } from '../../shared/redis';
import { createServerDb, databaseName } from '../../shared/db';
import { prepareDatabase } from '../../shared/migrate';
import { testConfig } from './test-env';

/** Once per run: a fresh test database at the latest schema and no Redis keys left under the test prefix. */
async function resetTestDatabase(): Promise<void> {
  const config = testConfig();
  const server = createServerDb(config);
  try {
    await server.raw(`DROP DATABASE IF EXISTS \`${databaseName(config.databaseUrl)}\``);
  } finally {
    await server.destroy();
  }
  await prepareDatabase(config);
}

export async function deleteTestRedisKeys(): Promise<void> {
  const config = testConfig();
  const redis = createRedis({ ...config, redisPrefix: '' });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redisPrefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    await resetTestDatabase();
    await deleteTestRedisKeys();
  },
};
