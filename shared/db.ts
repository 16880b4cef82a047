import { setImmediate as nextTurn } from 'node:timers/promises';
import knex, { type Knex } from 'knex';
import { escape, escapeId, format, type Connection } from 'mysql2';
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

/** DATETIME(3) columns hold UTC; mysql2 must neither shift nor stringify them. */
const MYSQL_TIMEZONE = 'Z';

/** A statement of a transaction's writes, made when its turn comes. */
export type Write = () => string;

/**
 * Sends a transaction's writes in the order they must run, without waiting for answers: the first
 * is made and sent, and the others are made while MySQL runs it (they go as soon as the one before
 * is answered: mysql2 has one query in flight per connection). Resolves once all are answered.
 * They go straight to the transaction's mysql2 connection, their SQL as it is: knex's query path
 * makes a copy of every statement's SQL (its debug log escapes each `%`, enabled or not) and, on an
 * error, scans it again for placeholders, which for a drain batch's writes (~2,500 rows) costs
 * more than the rest of the way to the socket. knex's `query` and `query-response` events are
 * still told of each.
 */
export async function sendWrites(trx: Knex.Transaction, writes: Write[]): Promise<void> {
  const [first, ...rest] = writes;
  if (!first) return;
  const connection = await connectionOf(trx);
  const client = trx.client as QueryClient;
  const sent = [sendNow(client, connection, first())];
  // Handled below: a refusal of the first write (a replayed batch's duplicate key) must not go unhandled meanwhile.
  sent[0].catch(() => undefined);
  // The first write is on the wire: the others are made while MySQL runs it.
  await nextTurn();
  for (const write of rest) sent.push(sendNow(client, connection, write()));
  await Promise.all(sent);
}

/**
 * Statements whose SQL is made already, sent at once in their order; resolves with each one's
 * answer. On a connection that takes several statements a query (createDb's `multipleStatements`,
 * the worker's), they go as one query, so that MySQL runs them back to back: mysql2 sends a query
 * only once the one before is answered, and a drain's worker busy with the last batch's Redis step
 * when an answer came kept MySQL waiting for the next statement (a hot item's batch took ~2 ms longer).
 */
export async function sendStatements(trx: Knex.Transaction, statements: string[]): Promise<unknown[]> {
  const connection = await connectionOf(trx);
  const client = trx.client as QueryClient;
  if (statements.length > 1 && connection.config.multipleStatements) return (await sendNow(client, connection, statements.join(';\n'))) as unknown[];
  return Promise.all(statements.map((sql) => sendNow(client, connection, sql)));
}

/**
 * Statements run as one transaction in ONE query, on a connection of the pool's that takes several
 * statements a query (createDb's `multipleStatements`): MySQL begins, runs and commits them with
 * no answer to the client in between, so nothing the client is busy with meanwhile holds the
 * commit back (on any other connection they go one by one). A statement that fails stops the
 * rest, and what ran is rolled back. Resolves with each statement's answer.
 */
export async function commitInOneQuery(db: Db, statements: string[]): Promise<unknown[]> {
  const client = db.client as PoolClient;
  const connection = await client.acquireConnection();
  try {
    const transaction = ['start transaction', ...statements, 'commit'];
    if (connection.config.multipleStatements) return ((await sendNow(client, connection, transaction.join(';\n'))) as unknown[]).slice(1, -1);
    const answers = [];
    for (const sql of transaction) answers.push(await sendNow(client, connection, sql));
    return answers.slice(1, -1);
  } catch (error) {
    await sendNow(client, connection, 'rollback').catch(() => undefined);
    throw error;
  } finally {
    client.releaseConnection(connection);
  }
}

function connectionOf(trx: Knex.Transaction): Promise<Connection> {
  return (trx.client as QueryClient).acquireConnection();
}

/** What the statements sent here take of a knex client (which knex types as `any`): a transaction's (its one connection) or a pool's. */
interface QueryClient {
  acquireConnection(): Promise<Connection>;
  emit(event: 'query' | 'query-response', ...details: unknown[]): boolean;
}

interface PoolClient extends QueryClient {
  releaseConnection(connection: Connection): void;
}

function sendNow(client: QueryClient, connection: Connection, sql: string): Promise<unknown> {
  const query = { sql };
  client.emit('query', query);
  return new Promise((resolve, reject) =>
    connection.query(sql, (error, result) => {
      if (error) return reject(error);
      client.emit('query-response', result, query);
      resolve(result);
    }),
  );
}

/**
 * mysql2's own formatting, except that SQL without values goes as it is: mysql2 would scan it for
 * placeholders all the same, which for a drain batch's writes (SQL of ~2,500 rows, values written
 * in already) cost more than writing them in.
 */
function formatQuery(sql: string, values: unknown[] | undefined): string {
  return values?.length ? format(sql, values as Parameters<typeof format>[1], false, MYSQL_TIMEZONE) : sql;
}

/** A query's SQL with its values written in, as mysql2 writes them (its escaping, the connection's time zone). */
export function sqlOf(query: Knex.QueryBuilder): string {
  const { sql, bindings } = query.toSQL().toNative();
  // Plain values: knex has written any raw fragment into the SQL already.
  return format(sql, bindings as unknown as Parameters<typeof format>[1], false, MYSQL_TIMEZONE);
}

/**
 * A multi-row INSERT of `rows` (every one with the keys of the first), its values written as
 * mysql2's bulk `VALUES ?` writes them, straight into the SQL: no array of values per row (for a
 * drain batch's ~2,500 rows, those arrays and mysql2's pass over them made a third of the batch's
 * garbage), and each distinct time or string (statuses repeat) escaped once. Numbers and nulls are
 * written here, any other value by mysql2's escape. knex's insert compiler and then mysql2's pass
 * over its placeholders cost about twice as much again.
 */
export function bulkInsertSql(table: string, rows: Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0]);
  // By the string, or by the time's ms.
  const escapedOnce = new Map<string | number, string>();
  const sqlValueOf = (value: unknown): string => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (value === null) return 'NULL';
    const key = typeof value === 'string' ? value : value instanceof Date ? value.getTime() : undefined;
    if (key === undefined) return escape(value as Parameters<typeof escape>[0], false, MYSQL_TIMEZONE);
    let escaped = escapedOnce.get(key);
    if (escaped === undefined) escapedOnce.set(key, (escaped = escape(value as string | Date, false, MYSQL_TIMEZONE)));
    return escaped;
  };
  let sql = `insert into ${escapeId(table)} (${columns.map((column) => escapeId(column)).join(', ')}) values `;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    sql += (r === 0 ? '(' : ', (') + sqlValueOf(row[columns[0]]);
    for (let c = 1; c < columns.length; c++) sql += ', ' + sqlValueOf(row[columns[c]]);
    sql += ')';
  }
  return sql;
}

/** A write refused because a row with that unique key exists already. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'ER_DUP_ENTRY';
}

function connectionFrom(databaseUrl: string, withDatabase: boolean, multipleStatements = false): Knex.MySql2ConnectionConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    ...(withDatabase ? { database: databaseName(databaseUrl) } : {}),
    timezone: MYSQL_TIMEZONE,
    dateStrings: false,
    supportBigNumbers: true,
    connectTimeout: MYSQL_CONNECT_TIMEOUT_MS,
    queryFormat: formatQuery,
    multipleStatements,
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

/**
 * `multipleStatements`: a query may hold several statements (sendStatements); only for a process
 * whose SQL is all its own (the worker), never one that writes a request's input into SQL.
 */
export function createDb(config: Pick<Config, 'databaseUrl'>, options: { pool?: Knex.PoolConfig; logger?: Logger; multipleStatements?: boolean } = {}): Db {
  return knex({
    client: 'mysql2',
    connection: connectionFrom(config.databaseUrl, true, options.multipleStatements),
    pool: options.pool ?? { min: 0, max: 10 },
    acquireConnectionTimeout: MYSQL_ACQUIRE_TIMEOUT_MS,
    log: knexLogTo(options.logger),
  });
}

/** A connection to the server without a default database, for CREATE/DROP DATABASE. */
export function createServerDb(config: Pick<Config, 'databaseUrl'>): Db {
  return knex({ client: 'mysql2', connection: connectionFrom(config.databaseUrl, false), pool: { min: 0, max: 1 } });
}
