import { setTimeout as sleep } from 'node:timers/promises';

const TRANSIENT_MYSQL_ERRORS = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
]);

export function isTransientMysqlError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code !== undefined && TRANSIENT_MYSQL_ERRORS.has(code);
}

/**
 * Retries transient MySQL failures in place with backoff. Workers retry here rather than through
 * BullMQ, whose retries would reorder a partition.
 */
export async function withTransientRetry<T>(work: () => Promise<T>, attempts = 8, firstDelayMs = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientMysqlError(error)) throw error;
      await sleep(Math.min(firstDelayMs * 2 ** (attempt - 1), 2000));
    }
  }
}
