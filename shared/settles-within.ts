import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `work` settles (resolves or rejects) within `ms`. It is not cancelled when it doesn't:
 * for a stop that must end in time whatever a dependency does.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const deadline = new AbortController();
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      sleep(ms, false, { signal: deadline.signal }),
    ]);
  } finally {
    deadline.abort();
  }
}
