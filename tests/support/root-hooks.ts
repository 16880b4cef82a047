import { recreateDatabase } from '../../testkit/fresh-state';
import { runConfig } from './test-env';
import './supertest-answers-checked';

// In parallel mode the root hooks run before each file in a worker; the database is made once a process.
let freshDatabase: Promise<void> | undefined;

/** Once per process: a fresh test database at the latest schema. Each file's Redis keys are its own (isolation.ts). */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    await (freshDatabase ??= recreateDatabase(runConfig()));
  },
};
