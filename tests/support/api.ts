import { startApi, type RunningApi } from '../../api/server';
import type { Config } from '../../shared/config';
import type { Logger } from '../../shared/logger';
import { checkAnswersOf, forgetServer } from './checked-answers';
import { testConfig } from './test-env';

/**
 * The real API on an ephemeral loopback port, against the test database and Redis prefix. Every
 * answer a test gets from it is checked against the API document (tests/support/checked-answers.ts).
 */
export async function startTestApi(overrides: NodeJS.ProcessEnv = {}, logger?: Logger): Promise<RunningApi> {
  const config: Config = testConfig(overrides);
  const api = await startApi(config, logger);
  checkAnswersOf(api.url, config);
  return {
    ...api,
    stop: async () => {
      forgetServer(api.url);
      await api.stop();
    },
  };
}
