import { recreateDatabase } from '../../testkit/fresh-state';
import { runConfig } from './test-env';
import './supertest-answers-checked';

/** Once per run: a fresh test database at the latest schema. Each file's Redis keys are its own (isolation.ts). */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    await recreateDatabase(runConfig());
  },
};
