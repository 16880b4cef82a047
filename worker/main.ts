import { loadConfig } from '../shared/config';
import { exitOnStartupFailure, stopOnSignals } from '../shared/lifecycle';
import { createLogger } from '../shared/logger';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config, 'worker');
  const worker = await startWorker(config, logger);
  stopOnSignals(logger, worker.stop);
}

main().catch(exitOnStartupFailure('worker'));
