import { startApi, type RunningApi } from '../../api/server';
import type { Config } from '../../shared/config';
import { testConfig } from './test-env';

/** The real API on an ephemeral loopback port, against the test database and Redis prefix. */
export async function startTestApi(overrides: NodeJS.ProcessEnv = {}): Promise<RunningApi> {
  const config: Config = testConfig(overrides);
  return startApi(config);
}
