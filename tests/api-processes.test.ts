import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet, type ClientRequest } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { freePort } from './support/free-port';
import { childProcessesOf } from './support/process-tree';
import { testEnv } from './support/test-env';
import { waitFor } from './support/wait';

const ROOT = path.join(__dirname, '..');
const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'a-long-operator-password' };
const ADMIN_AUTH = `Basic ${Buffer.from(`${ADMIN.ADMIN_USER}:${ADMIN.ADMIN_PASSWORD}`).toString('base64')}`;

/** One GET on a connection of its own: the cluster hands each new connection to the next API process. */
function getOnNewConnection(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent: false, headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('timeout', function (this: ClientRequest) {
        this.destroy(new Error(`no answer from ${url} within 10 s`));
      })
      .on('error', reject);
  });
}

/** The value of one series in Prometheus text, e.g. `http_request_duration_seconds_count{…}`. */
function sampleOf(metrics: string, series: RegExp): number | undefined {
  const line = metrics.split('\n').find((l) => series.test(l));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('npm start with several API processes (API_PROCESSES)', function () {
  this.timeout(90_000);
  let supervisor: ChildProcess;
  let exited: Promise<number | null>;
  let baseUrl: string;
  const apiProcesses = () => childProcessesOf(supervisor.pid!).filter((child) => child.command.includes(path.join('api', 'main')));

  before(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    supervisor = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'start.ts')], {
      cwd: ROOT,
      env: { ...testEnv, ...ADMIN, PORT: String(port), API_PROCESSES: '2', WORKER_PROCESSES: '0' },
      stdio: 'ignore',
    });
    exited = new Promise((resolve) => supervisor.once('exit', (code) => resolve(code)));
    // The aggregate answers once every process has started and answers the primary.
    await waitFor(
      'two API processes answering on one port',
      async () => apiProcesses().length === 2 && (await getOnNewConnection(`${baseUrl}/metrics`, { authorization: ADMIN_AUTH }).catch(() => undefined))?.status === 200,
      60_000,
      200,
    );
  });

  after(() => {
    if (supervisor.exitCode === null && supervisor.signalCode === null) supervisor.kill('SIGKILL');
  });

  it('When requests reach both API processes, GET /metrics on the shared port counts every one of them, whichever process answers the scrape', async () => {
    const series = /^http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"/;
    const metricsBefore = await getOnNewConnection(`${baseUrl}/metrics`, { authorization: ADMIN_AUTH });
    expect(metricsBefore.status, metricsBefore.body).to.equal(200);
    const countBefore = sampleOf(metricsBefore.body, series) ?? 0;

    for (let i = 0; i < 20; i++) expect((await getOnNewConnection(`${baseUrl}/health`)).status).to.equal(200);

    // Connections go round-robin, so each process saw about half: only the aggregate has all 20.
    for (let scrape = 0; scrape < 2; scrape++) {
      const metrics = await getOnNewConnection(`${baseUrl}/metrics`, { authorization: ADMIN_AUTH });
      expect(metrics.status).to.equal(200);
      expect(sampleOf(metrics.body, series)).to.equal(countBefore + 20);
      expect(metrics.body.match(/^# TYPE http_request_duration_seconds histogram$/gm), 'one family, not one per process').to.have.length(1);
    }
  });

  it('When an API process dies, the other keeps answering on the port and the dead one is replaced', async () => {
    const [victim, survivor] = apiProcesses();
    process.kill(victim!.pid, 'SIGKILL');
    // Reaped (not even a zombie): npm start has seen it die, so the cluster hands it no connection.
    await waitFor('npm start to see the killed process die', async () => !existsSync(`/proc/${victim!.pid}`));

    for (let i = 0; i < 10; i++) expect((await getOnNewConnection(`${baseUrl}/health`)).status).to.equal(200);

    const replacement = await waitFor(
      'a new API process',
      async () => {
        const now = apiProcesses();
        return now.length === 2 && now.find((p) => p.pid !== survivor!.pid);
      },
      30_000,
      100,
    );
    expect(replacement.pid).to.not.equal(victim!.pid);
    await waitFor('the replacement to answer', async () => {
      const answers = await Promise.all(Array.from({ length: 4 }, () => getOnNewConnection(`${baseUrl}/health`).catch(() => undefined)));
      return answers.every((answer) => answer?.status === 200);
    });
  });

  it('When npm start gets SIGTERM, every API process stops and it exits 0', async () => {
    const pids = apiProcesses().map((p) => p.pid);
    expect(pids).to.have.length(2);
    supervisor.kill('SIGTERM');
    expect(await exited).to.equal(0);
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).to.deep.equal([]);
    await getOnNewConnection(`${baseUrl}/health`).then(
      () => expect.fail('the port still answers'),
      (error: NodeJS.ErrnoException) => expect(error.code).to.equal('ECONNREFUSED'),
    );
  });
});
