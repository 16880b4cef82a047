import knex, { type Knex } from 'knex';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * A connection attempt to a MySQL that does not answer gives up after this (mysql2 connectTimeout);
 * knex hands the failure to the request waiting for the connection, which is answered 503 well
 * inside 2 s instead of waiting out the outage.
 */
const MYSQL_CONNECT_TIMEOUT_MS = 800;
/**
 * Waiting for a pooled connection gives up after this (knex acquireConnectionTimeout). While MySQL
 * is away, requests beyond the pool's size wait here rather than on a connection attempt of their
 * own, so this too must leave room inside the 2 s; a pool that busy when MySQL is up is overload,
 * which a 503 with Retry-After sheds.
 */
const MYSQL_ACQUIRE_TIMEOUT_MS = 1000;

export type Db = Knex;

/**
 * Starts a query at once (a knex builder runs only when its result is asked for). Queries of one
 * transaction started one after another without waiting are run by its connection in that order,
 * and the SQL of each is made while MySQL runs the ones before.
 */
export function sendNow(query: Knex.QueryBuilder): Promise<unknown> {
  return query.then((result: unknown) => result);
}

/** A write refused because a row with that unique key exists already. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'ER_DUP_ENTRY';
}

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
    connectTimeout: MYSQL_CONNECT_TIMEOUT_MS,
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

/** knex's own messages (each failed connection attempt while MySQL is away) in the process's log rather than on the console. */
function knexLogTo(logger: Logger | undefined): Knex.Config['log'] {
  if (!logger) return undefined;
  return {
    warn: (message: unknown) => logger.debug({ knex: message }, 'knex warning'),
    error: (message: unknown) => logger.error({ knex: message }, 'knex error'),
    deprecate: (message: unknown) => logger.warn({ knex: message }, 'knex deprecation'),
    debug: (message: unknown) => logger.debug({ knex: message }, 'knex debug'),
  };
}

export function createDb(config: Pick<Config, 'databaseUrl'>, options: { pool?: Knex.PoolConfig; logger?: Logger } = {}): Db {
  return knex({
    client: 'mysql2',
    connection: connectionFrom(config.databaseUrl, true),
    pool: options.pool ?? { min: 0, max: 10 },
    acquireConnectionTimeout: MYSQL_ACQUIRE_TIMEOUT_MS,
    log: knexLogTo(options.logger),
  });
}

/** A connection to the server without a default database, for CREATE/DROP DATABASE. */
export function createServerDb(config: Pick<Config, 'databaseUrl'>): Db {
  return knex({ client: 'mysql2', connection: connectionFrom(config.databaseUrl, false), pool: { min: 0, max: 1 } });
}
