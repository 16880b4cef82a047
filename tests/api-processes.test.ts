import { readFile } from 'node:fs/promises';
import { get as httpGet, type ClientRequest } from 'node:http';
import path from 'node:path';
import { expect } from 'chai';
import { API_NODE_FLAGS, WORKER_NODE_FLAGS } from '../shared/node-flags';
import { freePort } from './support/free-port';
import { NpmStart } from './support/npm-start';
import { testEnv } from './support/test-env';
import { waitFor } from './support/wait';
import { isolateTestFile } from './support/isolation';

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

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start with several API processes (API_PROCESSES)', function () {
  isolateTestFile(__filename);
  this.timeout(90_000);
  let service: NpmStart;
  let baseUrl: string;
  /** Pids of the API processes that have started, in order (a replacement comes last). */
  const apiPids = () => service.linesWith('api listening').map((line) => line.pid!);

  before(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    service = NpmStart.fromSource({ ...testEnv(), ...ADMIN, LOG_LEVEL: 'info', PORT: String(port), API_PROCESSES: '2', WORKER_PROCESSES: '0' });
    await service.ready(0, 60_000, 2);
  });

  after(async () => {
    await service.stop();
  });

  it("When npm start forks its API processes, each runs with the API's Node flags (shared/node-flags.ts), which npm run api gives node too, and npm run worker the workers'", async () => {
    expect(apiPids()).to.have.length(2);
    for (const pid of apiPids()) {
      const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
      expect(argv).to.include.members(API_NODE_FLAGS);
    }
    const { scripts } = JSON.parse(await readFile(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.api).to.include(`node ${API_NODE_FLAGS.join(' ')} dist/api/main.js`);
    expect(scripts.worker).to.include(`node ${WORKER_NODE_FLAGS.join(' ')} dist/worker/main.js`);
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
    const [victim, survivor] = apiPids();
    process.kill(victim, 'SIGKILL');
    // Once npm start has seen it die, the cluster hands it no more connections.
    await waitFor('npm start to see the killed process die', () => service.linesWith('child exited unexpectedly; restarting').length === 1);

    for (let i = 0; i < 10; i++) expect((await getOnNewConnection(`${baseUrl}/health`)).status).to.equal(200);

    const replacement = await waitFor('a new API process', () => apiPids()[2], 30_000, 100);
    expect([victim, survivor]).not.to.include(replacement);
    expect(isAlive(survivor)).to.equal(true);
    await waitFor('the replacement to answer', async () => {
      const answers = await Promise.all(Array.from({ length: 4 }, () => getOnNewConnection(`${baseUrl}/health`).catch(() => undefined)));
      return answers.every((answer) => answer?.status === 200);
    });
  });

  it('When Ctrl-C sends SIGINT to every process of npm start at once (then npm start passes SIGTERM on), each API process stops cleanly and it exits 0', async () => {
    const running = apiPids().filter(isAlive);
    expect(running).to.have.length(2);
    await service.interruptLikeCtrlC();
    expect(await service.exited).to.equal(0);
    expect(running.filter(isAlive)).to.deep.equal([]);
    expect(service.linesWith('second signal while stopping: exiting now')).to.deep.equal([]);
    expect(service.linesWith('stopped cleanly').map((line) => line.pid)).to.include.members(running);
    await getOnNewConnection(`${baseUrl}/health`).then(
      () => expect.fail('the port still answers'),
      (error: NodeJS.ErrnoException) => expect(error.code).to.equal('ECONNREFUSED'),
    );
  });
});
