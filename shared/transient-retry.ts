import { setTimeout as sleep } from 'node:timers/promises';
import { isMysqlUnavailable } from './dependency-outage';

const LOCK_CONFLICTS = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** Two transactions met on a row: running the loser again succeeds. */
function isLockConflict(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code !== undefined && LOCK_CONFLICTS.has(code);
}

/** A failure that says nothing about the work itself: running it again later may well succeed. */
export function isTransientMysqlError(error: unknown): boolean {
  return isLockConflict(error) || isMysqlUnavailable(error);
}

export interface RetryPolicy {
  /** Which failures are worth another try; anything else is thrown at once. */
  retryable: (error: unknown) => boolean;
  /** Tries in all (Infinity: until `giveUp`). */
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Checked before each wait: true stops retrying and throws the last failure (e.g. the process is stopping). */
  giveUp?: () => boolean;
  /** Aborting it ends a wait at once, its timer cleared, with an AbortError (e.g. whoever wanted the result went away). */
  signal?: AbortSignal;
  /** Told of each failure that will be retried, with the delay chosen. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** A request's budget is seconds: a lock conflict is tried again briefly, an outage is answered at once (503). */
const REQUEST_RETRY: RetryPolicy = { retryable: isLockConflict, attempts: 4, firstDelayMs: 50, maxDelayMs: 400 };

/**
 * Exponential backoff with jitter: half the step fixed, half random, so that processes that failed
 * together (a MySQL outage hits every worker at once) do not come back in step.
 */
function backoffDelay(attempt: number, firstDelayMs: number, maxDelayMs: number): number {
  const step = Math.min(firstDelayMs * 2 ** (attempt - 1), maxDelayMs);
  return step / 2 + Math.random() * (step / 2);
}

/**
 * Runs `work` again after failures the policy calls retryable. Workers retry here rather than
 * through BullMQ, whose retries would reorder a partition.
 */
export async function withTransientRetry<T>(work: () => Promise<T>, policy: RetryPolicy = REQUEST_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= policy.attempts || !policy.retryable(error) || policy.giveUp?.()) throw error;
      const delayMs = backoffDelay(attempt, policy.firstDelayMs, policy.maxDelayMs);
      policy.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs, undefined, { signal: policy.signal });
    }
  }
}
