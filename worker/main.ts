import { loadConfig } from '../shared/config';
import { exitOnCrash, exitOnStartupFailure, stopOnSignals } from '../shared/lifecycle';
import { createLogger } from '../shared/logger';
import { lowerProcessPriority } from './process-priority';
import { startWorker, WORKER_STOP_DEADLINE_MS } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config, 'worker');
  exitOnCrash(logger);
  // Draining is elastic (a backlog waits safely in Redis) while intake latency is what buyers feel.
  lowerProcessPriority(config.workerNice);
  const worker = await startWorker(config, logger);
  stopOnSignals(logger, worker.stop, { deadlineMs: WORKER_STOP_DEADLINE_MS });
}

main().catch(exitOnStartupFailure('worker'));
