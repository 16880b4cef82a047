import { loadConfig } from './shared/config';
import { createLogger } from './shared/logger';
import { prepareDatabase } from './shared/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config, 'migrate');
  const applied = await prepareDatabase(config);
  logger.info({ applied }, applied.length ? 'migrations applied' : 'database already up to date');
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
