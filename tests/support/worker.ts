import type { RunningWorker, WorkerOptions } from '../../worker/worker';
import { startWorker } from '../../worker/worker';
import { createLogger } from '../../shared/logger';
import { testConfig } from './test-env';

/** A worker in this process (same test database and Redis prefix as startTestApi). */
export function startTestWorker(overrides: NodeJS.ProcessEnv = {}, options: WorkerOptions = {}): Promise<RunningWorker> {
  const config = testConfig(overrides);
  return startWorker(config, createLogger(config, 'worker'), options);
}

/**
 * A worker for the tests of the enclosing describe block: started before them, stopped after.
 * `options` is asked for when it starts: a block is defined before its file's test configuration exists.
 */
export function workerForBlock(overrides: NodeJS.ProcessEnv = {}, options: () => WorkerOptions = () => ({})): void {
  let worker: RunningWorker | undefined;
  before(async () => {
    worker = await startTestWorker(overrides, options());
  });
  after(async () => worker?.stop());
}

/** A sweep a second past ORDER_TTL ahead of Redis's clock: it cancels every INITIATED order it finds. */
export function sweepPastOrderTtl(): WorkerOptions {
  return { sweepAheadMs: testConfig().orderTtlSeconds * 1000 + 1000 };
}
