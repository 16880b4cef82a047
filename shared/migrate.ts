import path from 'node:path';
import type { Config } from './config';
import { createDb, createServerDb, databaseName, type Db } from './db';
import { assertMysqlReachable } from './dependencies';

// Compiled runs load the .js migrations from dist/; tests and tsx runs load the .ts sources.
const runningFromSource = __filename.endsWith('.ts');
const migrationConfig = {
  directory: path.join(__dirname, '..', 'migrations'),
  loadExtensions: [runningFromSource ? '.ts' : '.js'],
  tableName: 'knex_migrations',
};

/** Creates the database if it is missing; the service runs this itself at start. */
async function ensureDatabase(config: Pick<Config, 'databaseUrl'>): Promise<void> {
  const server = createServerDb(config);
  try {
    await assertMysqlReachable(server, config.databaseUrl);
    await server.raw(
      `CREATE DATABASE IF NOT EXISTS \`${databaseName(config.databaseUrl)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await server.destroy();
  }
}

async function migrateToLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(migrationConfig)) as [number, string[]];
  return applied;
}

/** ensureDatabase + migrateToLatest with a short-lived pool. */
export async function prepareDatabase(config: Pick<Config, 'databaseUrl'>): Promise<string[]> {
  await ensureDatabase(config);
  const db = createDb(config, { pool: { min: 0, max: 1 } });
  try {
    return await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}
