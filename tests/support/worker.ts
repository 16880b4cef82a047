import type { RunningWorker, WorkerOptions } from '../../worker/worker';
import { startWorker } from '../../worker/worker';
import { createLogger } from '../../shared/logger';
import { testConfig } from './test-env';

/** A worker in this process (same test database and Redis prefix as startTestApi). */
export function startTestWorker(overrides: NodeJS.ProcessEnv = {}, options: WorkerOptions = {}): Promise<RunningWorker> {
  const config = testConfig(overrides);
  return startWorker(config, createLogger(config, 'worker'), options);
}
