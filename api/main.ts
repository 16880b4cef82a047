import { loadConfig } from '../shared/config';
import { exitOnCrash, exitOnStartupFailure, stopOnSignals } from '../shared/lifecycle';
import { createLogger } from '../shared/logger';
import { startApi } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config, 'api');
  exitOnCrash(logger);
  const api = await startApi(config, logger);
  stopOnSignals(logger, api.stop);
}

main().catch(exitOnStartupFailure('api'));
