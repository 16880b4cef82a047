import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { BenchReport } from '../bench/report';
import { freeConsecutivePorts } from './support/free-port';
import { testEnv } from './support/test-env';
import { isolateTestFile } from './support/isolation';

const ROOT = path.join(__dirname, '..');

describe('The benchmark harness (a seconds-long smoke run, nothing timed)', function () {
  isolateTestFile(__filename);
  this.timeout(300_000);

  it("When the commit step's instructions are counted (callgrind, on a Redis of the run's own), each batch is entered, paid and applied uncounted and the step alone is counted, tens of thousands of instructions an order", async () => {
    const env = testEnv();
    const databaseUrl = new URL(env.DATABASE_URL!);
    databaseUrl.pathname = `${databaseUrl.pathname}_commit_step`;
    const port = await freeConsecutivePorts(1);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench', 'commit-step-instructions.ts'), '--batches', '2', '--orders', '20', '--port', String(port), '--database-url', databaseUrl.toString()],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/batch 1\/2: \d+ instructions an order/).and.to.match(/batch 2\/2/);
    const [, perOrder] = /(\d+) instructions an order \(median of 2 batches\)/.exec(run.stdout) ?? [];
    // Reading and settling a mirror alone takes tens of thousands; an uncounted step would give 0.
    expect(Number(perOrder)).to.be.within(10_000, 1_000_000);
  });

  it('When run quick, it starts the service and baselines, runs the scenarios (the seed load test polling and with Prefer: wait), follows orders on streams, soaks the service in the seed load test, runs the capacity steps, audits the invariants and writes the report with its charts', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
    const env = testEnv();
    const databaseUrl = new URL(env.DATABASE_URL!);
    databaseUrl.pathname = `${databaseUrl.pathname}_bench_smoke`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench', 'run.ts'), '--quick', '--out', out, '--database-url', databaseUrl.toString(), '--redis-url', env.REDIS_URL!, '--redis-prefix', env.REDIS_PREFIX!, '--port-base', String(await freeConsecutivePorts(12))],
      { cwd: ROOT, encoding: 'utf8', timeout: 290_000 },
    );
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/HTTP run 1\/1: bare Express/).and.to.match(/scenario opening-spike/);
    expect(readdirSync(out).filter((file) => /-all-quick\.(json|md|html)$/.test(file))).to.have.length(3);
    const report = JSON.parse(readFileSync(path.join(out, readdirSync(out).find((file) => file.endsWith('.json'))!), 'utf8')) as BenchReport;
    expect(report.machine.cores).to.be.greaterThan(0);
    expect(report.http!.medians.bare).to.be.greaterThan(0);
    expect(report.hotItem!.medians.drain).to.be.greaterThan(0);
    expect(report.hotItem!.invariantViolations).to.deep.equal([]);
    // Each drain run has its limit runs beside it, on as many orders.
    const limits = [...report.hotItem!.bareMysqlOneConnection, ...report.hotItem!.bareMysqlBatches];
    for (const runs of [report.hotItem!.bareMysqlOneConnection, report.hotItem!.bareMysqlBatches, report.hotItem!.bareMysqlBesideBusyCore]) {
      expect(runs).to.have.length(report.hotItem!.drain.length);
    }
    expect(report.checks.find((check) => check.name === 'hot-item drain vs bare MySQL limit')!.pass).to.equal(report.hotItem!.medians.drain >= 0.85 * report.hotItem!.medians.bareMysqlOneConnection);
    // Each says the CPU an order of each process: the local MySQL's, the workers', the API's, the
    // bench's and Redis's; the drain's Redis steps and the limit's MySQL statements took some.
    for (const part of [...report.hotItem!.drain, ...limits, ...report.hotItem!.bareMysqlBesideBusyCore]) {
      expect(part.cpuUsPerOrder).to.have.all.keys('mysql', 'workers', 'api', 'bench', 'redis');
    }
    expect(report.hotItem!.drain.every((drain) => drain.cpuUsPerOrder.redis > 0)).to.equal(true);
    expect(limits.some((limit) => limit.cpuUsPerOrder.mysql > 0)).to.equal(true);
    // Each drain, limit run and stream drain says how busy the machine's cores were meanwhile (a
    // quick run's 400-order drain can end within one /proc/stat tick, 10 ms, and show none).
    for (const { busyPercent, stealPercent } of [...report.hotItem!.drain, ...limits, report.openStreams!].map((part) => part.machineCpu)) {
      expect(busyPercent).to.be.within(0, 100);
      expect(stealPercent).to.be.within(0, 100 - busyPercent);
    }
    expect(report.scenarios.map((s) => s.name)).to.deep.equal(['seed-load-test', 'seed-load-test-wait', 'opening-spike']);
    expect(report.settleLatency!.settleMs.count).to.be.greaterThan(0);
    expect(report.openStreams!.streams).to.be.greaterThan(0);
    expect(report.openStreams!.unanswered).to.equal(0);
    expect(report.openStreams!.clientLoopDelayMs.max).to.be.at.least(report.openStreams!.clientLoopDelayMs.p99);
    for (const scenario of report.scenarios) {
      expect(scenario.invariantViolations, scenario.name).to.deep.equal([]);
      expect(scenario.errors, scenario.name).to.equal(0);
      expect(scenario.byEndpoint.enter.count, scenario.name).to.be.greaterThan(0);
    }
    // The soak: each run measured every service process, and counted Redis's keys without a TTL.
    const soak = report.soak!;
    expect(soak.runs).to.have.length(2);
    for (const run of soak.runs) {
      expect(run.errors).to.equal(0);
      expect(run.invariantViolations).to.deep.equal([]);
      expect(Object.keys(run.rssMiB)).to.deep.equal(['api', 'worker-1', 'worker-2']);
      for (const mib of Object.values(run.rssMiB)) expect(mib).to.be.greaterThan(10);
      expect(run.redisUsedMiB).to.be.greaterThan(0);
      // Every item the bench made so far keeps its sale state and held units; each soak run adds one item.
      expect(run.keysWithoutTtl.items).to.be.at.least(2);
      expect(run.keysWithoutTtl.queue).to.be.greaterThan(0);
    }
    expect(soak.runs[1].keysWithoutTtl.items - soak.runs[0].keysWithoutTtl.items).to.equal(2);
    const capacity = report.capacity!;
    expect(capacity.runs.map((run) => `${run.target}: ${run.kind}`)).to.have.members(
      ['this service, API_PROCESSES=1', 'this service, API_PROCESSES=2', 'seed design', 'HTTP ceiling: bare Express, stock in memory'].flatMap((target) => [`${target}: enough-stock`, `${target}: sells-out`]),
    );
    for (const run of capacity.runs) {
      expect(run.steps, run.target).to.have.length.greaterThan(0);
      expect(run.steps[0].arrivals, run.target).to.equal(capacity.plan[0].rate * capacity.plan[0].seconds);
      // Every step says what the generator cost (a generator short of CPU limits every target alike).
      for (const step of run.steps) expect(step.generatorCpuMsPerArrival, `${run.target}, ${run.kind}: generator CPU`).to.be.greaterThan(0);
      if (run.target.startsWith('this service')) {
        expect(run.steps.map((step) => step.errors), `${run.target}, ${run.kind}: errors`).to.deep.equal(run.steps.map(() => 0));
        expect(run.invariantViolations, `${run.target}, ${run.kind}`).to.deep.equal([]);
      }
    }
    // The ceiling's stock in memory runs out like ours: its later buyers are told SOLD_OUT too.
    const ceilingSellsOut = capacity.runs.find((run) => run.kind === 'sells-out' && run.target.startsWith('HTTP ceiling'))!;
    expect(ceilingSellsOut.steps.flatMap((step) => Object.keys(step.byEndpoint.enter.statuses))).to.include('409');
    // The ceiling's own CPU per arrival, beside ours: how much of a core each answer costs.
    for (const step of ceilingSellsOut.steps) expect(step.cpuMsPerArrival?.api, 'HTTP ceiling CPU per arrival').to.be.greaterThan(0);
    // The sell-out item ran out: later buyers were told SOLD_OUT (409) on entering.
    const soldOut = capacity.runs.find((run) => run.kind === 'sells-out' && run.target === 'this service, API_PROCESSES=1')!;
    expect(soldOut.steps.flatMap((step) => Object.keys(step.byEndpoint.enter.statuses))).to.include('409');
    const html = readFileSync(path.join(out, readdirSync(out).find((file) => file.endsWith('.html'))!), 'utf8');
    expect(html.match(/<svg/g), 'two capacity charts, one per scenario and the soak').to.have.length(6);
    expect(html).to.include('offered load (buyers arriving per second)');
    expect(report.checks.map((c) => c.name)).to.include.members([
      'intake vs bare Express',
      'sold-out answers vs bare Express',
      'hot-item drain vs seed design',
      'capacity, enough-stock: one API process vs seed design',
      'capacity, sells-out: one API process vs seed design',
      'seed-load-test with Prefer: wait=10: payments answered 200 settled',
      'seed-load-test: requests saved by Prefer: wait=10',
      'opening spike: settle latency, 202 to the settled order on the stream',
      '100 open streams: RSS per stream',
      '100 open streams: settle to its event',
      'soak: time per run',
      'soak: memory of the service processes (RSS after a full GC)',
      'soak: Redis keys without a TTL',
    ]);
  });
});
