import path from 'node:path';
import { loadConfig, type Config } from '../../shared/config';

/** Every test run's keys are under this prefix, so that runs with different prefixes (parallel checkouts) never meet. */
const RUN_REDIS_PREFIX = process.env.TEST_REDIS_PREFIX ?? 'rptest:';

/**
 * What every service a test starts is configured with: its own database and Redis key prefix, so
 * tests never touch a developer's data. TEST_DATABASE_URL / TEST_REDIS_URL / TEST_REDIS_PREFIX
 * point them elsewhere.
 */
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: databaseOfThisProcess(process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/reservation_purchase_test'),
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: RUN_REDIS_PREFIX,
  JWT_SECRET: 'test-secret-that-is-long-enough',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  PORT: '0',
  WORKER_METRICS_PORT: '0',
  // Spike tests send many orders from few accounts and one IP; the limits have their own tests.
  ORDER_RATE_LIMIT: '0',
  AUTH_RATE_LIMIT_PER_IP: '0',
};
delete baseEnv.SMTP_URL;

/**
 * Mocha's parallel workers run files side by side, and a file's order numbers start above every
 * order in its database (isolation.ts): each worker gets a database of its own.
 */
function databaseOfThisProcess(databaseUrl: string): string {
  const workerId = process.env.MOCHA_WORKER_ID;
  if (workerId === undefined) return databaseUrl;
  const url = new URL(databaseUrl);
  url.pathname = `${url.pathname}_w${workerId}`;
  return url.toString();
}

/** The Redis prefix of the test file running now (see isolateTestFile), under the run's prefix. */
let filePrefix: string | undefined;

/** The prefix of a test file's own keys: the run's prefix, then the file's name. */
export function redisPrefixOfFile(file: string): string {
  return `${RUN_REDIS_PREFIX}${path.basename(file).replace(/\.test\.ts$/, '')}:`;
}

export function useFilePrefix(prefix: string | undefined): void {
  filePrefix = prefix;
}

/** The environment of the test file running now: its own REDIS_PREFIX. */
export function testEnv(): NodeJS.ProcessEnv {
  if (filePrefix === undefined) throw new Error('A test that starts services must call isolateTestFile(__filename) in its top-level describe');
  return { ...baseEnv, REDIS_PREFIX: filePrefix };
}

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ ...testEnv(), ...overrides });
}

/** The whole run's configuration (the test database, the run's Redis prefix): for set-up before any file. */
export function runConfig(): Config {
  return loadConfig(baseEnv);
}
