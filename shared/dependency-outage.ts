import { AppError } from './errors';

/**
 * Which failures mean "a dependency is not there right now" rather than "this request is wrong" or
 * "a bug": the API answers them 503 with Retry-After (api/middleware/error-handler.ts), workers
 * retry them in place (shared/transient-retry.ts).
 */

/** Seconds a client is told to wait before trying again while a dependency is away. */
export const OUTAGE_RETRY_AFTER_SECONDS = 1;

interface DriverError {
  name?: string;
  message?: string;
  code?: string;
  fatal?: boolean;
}

// ioredis and BullMQ say "not connected", "timed out" or "server not serving yet" only in words.
const REDIS_UNAVAILABLE_MESSAGES = [
  /^Stream isn't writeable/,
  /^Command timed out/,
  /^Connection is closed/,
  /^Reached the max retries per request limit/,
  /^(LOADING|BUSY|MASTERDOWN|READONLY) /,
];

export function isRedisUnavailable(error: unknown): boolean {
  const { name, message } = (error ?? {}) as DriverError;
  return name === 'MaxRetriesPerRequestError' || (message !== undefined && REDIS_UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)));
}

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What a Redis client reports on its own while reconnecting (besides what its commands fail with). */
export function isRedisConnectionError(error: unknown): boolean {
  const code = (error as DriverError | undefined)?.code;
  return isRedisUnavailable(error) || (code !== undefined && NETWORK_ERROR_CODES.has(code));
}

const MYSQL_UNAVAILABLE_CODES = new Set(['ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_NORMAL_SHUTDOWN', 'ER_CONNECTION_KILLED']);

/**
 * mysql2 marks every error that ends its connection `fatal` (refused, reset, lost, connect timeout);
 * knex gives up waiting for a pooled connection with a KnexTimeoutError.
 */
export function isMysqlUnavailable(error: unknown): boolean {
  const { name, code, fatal } = (error ?? {}) as DriverError;
  return fatal === true || name === 'KnexTimeoutError' || (code !== undefined && MYSQL_UNAVAILABLE_CODES.has(code));
}

/** Redis or MySQL is away: the same work may well succeed a moment later. */
export function isDependencyOutage(error: unknown): boolean {
  return isRedisUnavailable(error) || isMysqlUnavailable(error);
}

export const redisUnavailable = (message = 'Redis is unavailable; retry shortly') =>
  new AppError('REDIS_UNAVAILABLE', message, { retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS });

const mysqlUnavailable = () =>
  new AppError('MYSQL_UNAVAILABLE', 'The database is unavailable; retry shortly', {
    retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
  });

/** The answer to a failure of Redis or MySQL being away, or undefined for any other error. */
export function outageAnswerOf(error: unknown): AppError | undefined {
  if (isRedisUnavailable(error)) return redisUnavailable();
  if (isMysqlUnavailable(error)) return mysqlUnavailable();
  return undefined;
}
