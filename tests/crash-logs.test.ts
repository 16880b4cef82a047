import { expect } from 'chai';
import { startWorker } from '../worker/worker';
import { createLogger } from '../shared/logger';
import { OwnRedisServer } from './support/redis-server';
import { ServiceProcess } from './support/service-processes';
import { testConfig } from './support/test-env';
import { waitFor } from './support/wait';
import { isolateTestFile } from './support/isolation';

const CRASH_FIXTURE = 'tests/support/crash-on-start.ts';

interface LogLine {
  level: number;
  msg: string;
  process: string;
  err?: { message: string; stack: string };
}

/** Starts the process with a bug of the given kind and returns its exit code and what it logged at fatal level. */
async function crash(role: 'api' | 'worker', kind: 'exception' | 'rejection'): Promise<{ code: number | null; fatal: LogLine | undefined }> {
  const service = ServiceProcess.launch(role, { TEST_CRASH: kind }, [CRASH_FIXTURE]);
  const code = await service.exited;
  const fatal = service.logLines(60)[0] as unknown as LogLine | undefined;
  return { code, fatal };
}

describe('Crashes are visible', function () {
  isolateTestFile(__filename);
  this.timeout(60_000);

  it('When the API or a worker meets an uncaught exception or an unhandled rejection, it logs it through pino with the error and its stack, then exits non-zero', async () => {
    // Both processes install the same handlers (shared/lifecycle.ts): one kind of bug each keeps this test short.
    const cases = [
      ['api', 'exception', 'uncaught exception'],
      ['worker', 'rejection', 'unhandled rejection'],
    ] as const;
    const outcomes = await Promise.all(cases.map(([role, kind]) => crash(role, kind)));
    cases.forEach(([role, , what], i) => {
      const { code, fatal } = outcomes[i];
      expect(code, `${role} ${what}`).to.equal(1);
      expect(fatal, `${role} ${what}`).to.include({ process: role, msg: `${what}: exiting` });
      expect(fatal!.err!.message).to.equal('simulated bug for a crash test');
      expect(fatal!.err!.stack).to.match(/crash-on-start\.ts/);
    });
  });

  it('When a worker cannot start (MySQL unreachable), it closes every client it opened before giving up', async () => {
    const redis = await OwnRedisServer.start();
    try {
      const config = testConfig({ REDIS_URL: redis.url, DATABASE_URL: 'mysql://root@127.0.0.1:1/reservation_purchase_test' });
      let message = '';
      await startWorker(config, createLogger(config, 'worker')).catch((error: Error) => (message = error.message));
      expect(message).to.match(/^MySQL not reachable at 127\.0\.0\.1:1/);
      await waitFor('the worker to close its Redis connections', async () => (await redis.connectedClients()) === 0, 5000);
    } finally {
      await redis.stop();
    }
  });
});
