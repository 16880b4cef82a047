import { loadConfig, type Config } from '../../shared/config';

/**
 * Tests get their own database and Redis key prefix so that they never touch a developer's data.
 * TEST_DATABASE_URL / TEST_REDIS_URL point them elsewhere.
 */
export const testEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/reservation_purchase_test',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: process.env.TEST_REDIS_PREFIX ?? 'rptest:',
  JWT_SECRET: 'test-secret-that-is-long-enough',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  PORT: '0',
  WORKER_METRICS_PORT: '0',
  // Spike tests send many orders from few accounts and one IP; the limits have their own tests.
  ORDER_RATE_LIMIT: '0',
  AUTH_RATE_LIMIT_PER_IP: '0',
  SMTP_URL: '',
};
delete testEnv.SMTP_URL;

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ ...testEnv, ...overrides });
}
