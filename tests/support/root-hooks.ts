import { deleteKeysUnderPrefix, recreateDatabase } from '../../bench/fresh-state';
import { testConfig } from './test-env';
import './supertest-answers-checked';

/** Once per run: a fresh test database at the latest schema and no Redis keys left under the test prefix. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    await recreateDatabase(testConfig());
    await deleteKeysUnderPrefix(testConfig());
  },
};
