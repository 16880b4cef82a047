import type { Config } from '../shared/config';
import { createServerDb, databaseName } from '../shared/db';
import { prepareDatabase } from '../shared/migrate';
import { createRedis } from '../shared/redis';

/** Drops and re-creates the configured database at the latest schema. Only for test and bench databases. */
export async function recreateDatabase(config: Config): Promise<void> {
  const server = createServerDb(config);
  try {
    await server.raw(`DROP DATABASE IF EXISTS \`${databaseName(config.databaseUrl)}\``);
  } finally {
    await server.destroy();
  }
  await prepareDatabase(config);
}

/** Deletes every Redis key under the configured prefix (queues included). */
export async function deleteKeysUnderPrefix(config: Config): Promise<void> {
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
