import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { deleteKeysUnderPrefix } from '../testkit/fresh-state';
import { loadConfig } from '../shared/config';
import { createServerDb, databaseName } from '../shared/db';
import { EXIT_NEEDS_CONFIGURATION } from '../shared/lifecycle';
import { freeConsecutivePorts } from './support/free-port';
import { NpmStart } from './support/npm-start';
import { testConfig, testEnv } from './support/test-env';
import { waitFor } from './support/wait';
import { isolateTestFile } from './support/isolation';
import { holdDistFolder } from './support/dist-folder';

const README = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const DEFAULT_ORIGIN = `http://localhost:${loadConfig({}).port}`;

/** The shell blocks of README's "Try it" section, in order. */
function tryItSteps(): string[] {
  const section = /^## Try it\b[^\n]*\n([\s\S]*?)(?=^## )/m.exec(README)?.[1];
  if (!section) throw new Error('README.md has no "## Try it" section');
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

/** One bash, as the newcomer's second terminal: each step runs in it, keeping the variables of the steps before. */
class Shell {
  private stdout = '';
  private stderr = '';
  private readonly bash: ChildProcessWithoutNullStreams;

  constructor() {
    this.bash = spawn('bash', ['--noprofile', '--norc'], { env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    this.bash.stdout.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.bash.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // An unset variable is an error: a step that uses a name no step before it set fails here.
    this.bash.stdin.write('set -u -o pipefail\n');
  }

  async run(commands: string): Promise<{ status: number; stdout: string; stderr: string }> {
    const marker = `step-done-${randomUUID()}`;
    const [outFrom, errFrom] = [this.stdout.length, this.stderr.length];
    this.bash.stdin.write(`${commands}\necho "${marker} $?"\n`);
    const status = await waitFor(`the shell to run:\n${commands}`, () => {
      if (this.bash.exitCode !== null) throw new Error(`the shell exited (${this.bash.exitCode}): ${this.stderr.slice(errFrom)}`);
      const done = new RegExp(`${marker} (\\d+)\\n`).exec(this.stdout.slice(outFrom));
      return done ? Number(done[1]) : undefined;
    });
    return { status, stdout: this.stdout.slice(outFrom).split(marker)[0], stderr: this.stderr.slice(errFrom) };
  }

  close(): void {
    this.bash.stdin.end();
  }
}

describe('README "Try it" against a real npm start', function () {
  isolateTestFile(__filename);
  holdDistFolder();
  this.timeout(300_000);
  let env: NodeJS.ProcessEnv;
  let origin: string;
  let metricsPort: number;
  let service: NpmStart;

  before(async () => {
    // The build takes a while: ports from the ephemeral range could be taken by then.
    const port = await freeConsecutivePorts(3);
    metricsPort = port + 1;
    origin = `http://localhost:${port}`;
    const databaseUrl = new URL(testEnv().DATABASE_URL!);
    databaseUrl.pathname = `${databaseUrl.pathname}_try_it`;
    // A fresh start on a machine of its own: only where the data lives and the ports differ from the
    // defaults; and payments never fail, so that the order ends PAID every time.
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: testEnv().REDIS_URL,
      REDIS_PREFIX: `${testEnv().REDIS_PREFIX}try-it:`,
      PORT: String(port),
      WORKER_METRICS_PORT: String(metricsPort),
      PAYMENT_FAILURE_RATE: '0',
    };
    const config = testConfig(env);
    const server = createServerDb(config);
    try {
      await server.raw(`DROP DATABASE IF EXISTS \`${databaseName(config.databaseUrl)}\``);
    } finally {
      await server.destroy();
    }
    await deleteKeysUnderPrefix(config);
    service = NpmStart.npmStart(env);
    await service.ready(2);
  });
  after(async () => service?.stop());

  it('When npm start is up, its first lines say once each where the API, /docs, the operator pages and each worker\'s metrics are, and that mails are logged', () => {
    const firstRequest = service.log.findIndex((line) => line.msg === 'request completed');
    const startLines = firstRequest === -1 ? service.log : service.log.slice(0, firstRequest);
    const once = (process: string, msg: string | RegExp) => {
      const found = startLines.filter((line) => line.process === process && (typeof msg === 'string' ? line.msg === msg : msg.test(line.msg ?? '')));
      expect(found, `${process}: ${msg}`).to.have.length(1);
      return found[0];
    };
    expect(once('supervisor', 'database ready').applied).to.have.length.greaterThan(0);
    expect(once('api', 'api listening')).to.include({ url: origin, docs: `${origin}/docs` });
    once('api', /^operator pages \/admin\/queues and \/metrics are off: set ADMIN_USER and ADMIN_PASSWORD/);
    once('api', 'mails are logged, not sent: SMTP_URL is unset');
    const workerMetrics = service.linesWith('worker metrics listening').map((line) => line.url);
    expect(workerMetrics).to.have.members([`http://localhost:${metricsPort}/metrics`, `http://localhost:${metricsPort + 1}/metrics`]);
  });

  it('When a newcomer runs the six commands of README "Try it" in order, reading the codes from the log, the buyer ends with a PAID order', async () => {
    const steps = tryItSteps();
    expect(steps, 'shell blocks in "Try it"').to.have.length(6);
    for (const step of steps) expect(step).to.include('curl');
    expect(steps[0]).to.include(`${DEFAULT_ORIGIN}/api/v1`);
    const [askCodes, signUpSeller, listItem, signUpBuyer, orderAndPay, poll] = steps.map((step) => step.replaceAll(DEFAULT_ORIGIN, origin)) as [string, string, string, string, string, string];

    const shell = new Shell();
    try {
      const asked = await shell.run(askCodes);
      expect(asked.status, asked.stderr).to.equal(0);
      const answers = asked.stdout.trim().split('\n').map((line) => JSON.parse(line) as { status: string; data: { email: string } });
      expect(answers.map((answer) => [answer.status, answer.data.email])).to.deep.equal([
        ['OK', 'seller@example.test'],
        ['OK', 'buyer@example.test'],
      ]);

      const codeFor = (address: string) =>
        waitFor(`the mail to ${address} in the log`, () => {
          const mail = service.log.find((line) => line.msg === 'mail not sent (no SMTP_URL): logged instead' && (line.mail as { to: string }).to === address);
          return mail && /verification code is (\d{6})/.exec((mail.mail as { text: string }).text)?.[1];
        });
      const typed = await shell.run(`SELLER_CODE=${await codeFor('seller@example.test')} BUYER_CODE=${await codeFor('buyer@example.test')}`);
      expect(typed.status).to.equal(0);

      for (const [step, says] of [
        [signUpSeller, /^seller \d+ signed up and logged in$/],
        [listItem, /^item \d+ on sale$/],
        [signUpBuyer, /^buyer \d+ signed up and logged in$/],
      ] as const) {
        const result = await shell.run(step);
        expect(result.status, result.stderr).to.equal(0);
        expect(result.stdout.trim()).to.match(says);
      }
      const paying = await shell.run(orderAndPay);
      expect(paying.status, paying.stderr).to.equal(0);
      expect(JSON.parse(paying.stdout)).to.deep.include({ status: 'OK' }).and.to.have.nested.property('data.status', 'IN_PROGRESS');

      // "Run it again while it says IN_PROGRESS".
      const order = await waitFor('the poll to show the order settled', async () => {
        const polled = await shell.run(poll);
        expect(polled.status, polled.stderr).to.equal(0);
        const data = JSON.parse(polled.stdout) as { status: string; payment: { status: string } | null; history: { to: string }[] };
        return data.status !== 'IN_PROGRESS' && data;
      });
      expect(order.status).to.equal('PAID');
      expect(order.payment).to.include({ status: 'PAID', amount: 129000 });
      expect(order.history.map((change) => change.to)).to.deep.equal(['INITIATED', 'IN_PROGRESS', 'PAID']);
    } finally {
      shell.close();
    }
  });

  it('When a second copy finds PORT taken, it stops at once with a message naming PORT instead of restarting its API every second', async () => {
    // Without workers: the API's refusal is the point, and it comes sooner on a busy machine.
    const second = NpmStart.builtSupervisor({ ...env, WORKER_PROCESSES: '0' });
    expect(await second.exited).to.equal(EXIT_NEEDS_CONFIGURATION);
    const refusals = second.stderr.filter((line) => line.startsWith('api could not start:'));
    expect(refusals).to.deep.equal([`api could not start: port ${new URL(origin).port} is already in use (another copy of the service on this machine?): set PORT to a free port`]);
    expect(second.log.filter((line) => line.process === 'supervisor' && line.level === 60)).to.have.length(1);
  });
});
