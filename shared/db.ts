import knex, { type Knex } from 'knex';
import type { Config } from './config';

export type Db = Knex;

function connectionFrom(databaseUrl: string, withDatabase: boolean): Knex.MySql2ConnectionConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    ...(withDatabase ? { database: databaseName(databaseUrl) } : {}),
    // DATETIME(3) columns hold UTC; mysql2 must neither shift nor stringify them.
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
  };
}

export function databaseName(databaseUrl: string): string {
  const name = new URL(databaseUrl).pathname.replace(/^\//, '');
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`DATABASE_URL must name a database ([A-Za-z0-9_]+), got "${name}"`);
  return name;
}

export function describeMysql(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 3306}`;
}

export function createDb(config: Pick<Config, 'databaseUrl'>, pool = { min: 0, max: 10 }): Db {
  return knex({
    client: 'mysql2',
    connection: connectionFrom(config.databaseUrl, true),
    pool,
    acquireConnectionTimeout: 10_000,
  });
}

/** A connection to the server without a default database, for CREATE/DROP DATABASE. */
export function createServerDb(config: Pick<Config, 'databaseUrl'>): Db {
  return knex({ client: 'mysql2', connection: connectionFrom(config.databaseUrl, false), pool: { min: 0, max: 1 } });
}
