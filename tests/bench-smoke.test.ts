import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { BenchReport } from '../bench/report';
import { testEnv } from './support/test-env';

const ROOT = path.join(__dirname, '..');

describe('The benchmark harness (a seconds-long smoke run, nothing timed)', function () {
  this.timeout(180_000);

  it('When run quick, it starts the service and baselines, runs both scenarios, audits the invariants and writes the report', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
    const databaseUrl = new URL(testEnv.DATABASE_URL!);
    databaseUrl.pathname = `${databaseUrl.pathname}_bench_smoke`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench', 'run.ts'), '--quick', '--out', out, '--database-url', databaseUrl.toString(), '--redis-url', testEnv.REDIS_URL!, '--redis-prefix', `${testEnv.REDIS_PREFIX}bench-smoke:`],
      { cwd: ROOT, encoding: 'utf8', timeout: 170_000 },
    );
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/HTTP run 1\/1: bare Express/).and.to.match(/scenario opening-spike/);
    expect(readdirSync(out).filter((file) => /-all-quick\.(json|md|html)$/.test(file))).to.have.length(3);
    const report = JSON.parse(readFileSync(path.join(out, readdirSync(out).find((file) => file.endsWith('.json'))!), 'utf8')) as BenchReport;
    expect(report.machine.cores).to.be.greaterThan(0);
    expect(report.http.medians.bare).to.be.greaterThan(0);
    expect(report.hotItem.medians.drain).to.be.greaterThan(0);
    expect(report.hotItem.invariantViolations).to.deep.equal([]);
    expect(report.scenarios.map((s) => s.name)).to.deep.equal(['seed-load-test', 'opening-spike']);
    for (const scenario of report.scenarios) {
      expect(scenario.invariantViolations, scenario.name).to.deep.equal([]);
      expect(scenario.errors, scenario.name).to.equal(0);
      expect(scenario.byEndpoint.enter!.count, scenario.name).to.be.greaterThan(0);
    }
    expect(report.checks.map((c) => c.name)).to.include.members(['intake vs bare Express', 'sold-out answers vs bare Express', 'hot-item drain vs seed design']);
  });
});
