import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DrainResult } from './drain';
import type { LoadResult } from './load';
import type { ScenarioResult } from './scenarios';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  mysql: string;
  redis: string;
}

export interface Check {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface ScenarioReport extends Omit<ScenarioResult, 'acceptedOrderNums'> {
  drainSecondsAfterLoad: number;
  outcomes: Record<string, number>;
  invariantViolations: string[];
}

export interface BenchReport {
  date: string;
  scenario: string;
  command: string;
  machine: Machine;
  settings: Record<string, string | number>;
  http: { bare: LoadResult[]; intake: LoadResult[]; soldOut: LoadResult[]; medians: { bare: number; intake: number; soldOut: number } };
  hotItem: {
    drain: Omit<DrainResult, 'orderNums'>[];
    seedDesign: LoadResult[];
    bareMysqlBatches: { ordersPerBatch: number; ordersPerSecond: number }[];
    medians: { drain: number; seedDesign: number; bareMysql: number };
    invariantViolations: string[];
  };
  scenarios: ScenarioReport[];
  checks: Check[];
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

function markdown(report: BenchReport): string {
  const lines = [
    `# Benchmark ${report.date} (${report.scenario})`,
    '',
    `Command: \`${report.command}\``,
    '',
    `Machine: ${report.machine.cores} cores (${report.machine.cpuModel}), ${fixed(report.machine.memoryGiB, 1)} GiB, Node ${report.machine.node}, MySQL ${report.machine.mysql}, Redis ${report.machine.redis}. Load generator and service share the cores; figures are medians of ${report.http.bare.length} runs.`,
    '',
    '## Targets (DESIGN §8)',
    '',
    '| check | target | measured | |',
    '|---|---|---|---|',
    ...report.checks.map((c) => `| ${c.name} | ${c.target} | ${c.measured} | ${c.pass ? 'pass' : '**FAIL**'} |`),
    '',
    '## HTTP (autocannon, same connections and duration for each)',
    '',
    '| endpoint | req/s (median) | p50 ms | p97.5 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|',
    ...(['bare', 'intake', 'soldOut'] as const).map((name) => {
      const runs = report.http[name];
      const mid = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)]!;
      const label = { bare: 'bare Express JSON (ceiling)', intake: 'POST /api/v1/orders (accepted)', soldOut: 'POST /api/v1/orders (sold out)' }[name];
      return `| ${label} | ${fixed(report.http.medians[name])} | ${mid.latencyMs.p50} | ${mid.latencyMs.p97_5} | ${mid.latencyMs.p99} | ${mid.latencyMs.max} |`;
    }),
    '',
    '## Hot item',
    '',
    '| | orders/s (median) |',
    '|---|---|',
    `| this service: one item's line drained by the workers | ${fixed(report.hotItem.medians.drain)} |`,
    `| seed's first design: one SELECT … FOR UPDATE transaction per order, 16 connections | ${fixed(report.hotItem.medians.seedDesign)} |`,
    `| limit: the bare MySQL statements of a batch of ${report.hotItem.bareMysqlBatches[0]?.ordersPerBatch ?? 0}, one connection | ${fixed(report.hotItem.medians.bareMysql)} |`,
    '',
    `Invariants after the drain runs: ${report.hotItem.invariantViolations.length ? report.hotItem.invariantViolations.join('; ') : 'all hold'}.`,
    '',
  ];
  for (const scenario of report.scenarios) {
    lines.push(
      `## Scenario: ${scenario.name}`,
      '',
      `${scenario.requests} requests in ${fixed(scenario.seconds, 1)} s; errors (no answer, 5xx or an unexpected status): ${scenario.errors}; every order settled ${fixed(scenario.drainSecondsAfterLoad, 1)} s after the load ended.`,
      '',
      '| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | statuses |',
      '|---|---|---|---|---|---|---|---|',
      ...Object.entries(scenario.byEndpoint).map(
        ([endpoint, s]) => `| ${endpoint} | ${s.count} | ${fixed(s.perSecond)} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${Object.entries(s.statuses).map(([code, n]) => `${code}: ${n}`).join(', ')} |`,
      ),
      '',
      `Outcomes: ${Object.entries(scenario.outcomes).map(([status, n]) => `${status} ${n}`).join(', ')}. Invariants: ${scenario.invariantViolations.length ? scenario.invariantViolations.slice(0, 5).join('; ') : 'all hold'}.`,
      '',
    );
  }
  return lines.join('\n');
}

/** Throughput and p99 latency per second of each scenario, as an SVG line chart in a page. */
function html(report: BenchReport): string {
  const charts = report.scenarios.map((scenario) => {
    const width = 800;
    const height = 240;
    const maxSecond = Math.max(1, ...scenario.timeline.map((t) => t.second));
    const maxRequests = Math.max(1, ...scenario.timeline.map((t) => t.requests));
    const maxP99 = Math.max(1, ...scenario.timeline.map((t) => t.p99Ms));
    const line = (value: (t: { requests: number; p99Ms: number }) => number, max: number) =>
      scenario.timeline.map((t) => `${fixed((t.second / maxSecond) * width, 1)},${fixed(height - (value(t) / max) * height, 1)}`).join(' ');
    return `<h2>${scenario.name}</h2>
<p><span style="color:#1f77b4">requests/s (max ${maxRequests})</span> and <span style="color:#d62728">p99 latency ms (max ${maxP99})</span> per second, ${fixed(scenario.seconds, 1)} s</p>
<svg width="${width}" height="${height}" style="border:1px solid #ccc">
<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${line((t) => t.requests, maxRequests)}"/>
<polyline fill="none" stroke="#d62728" stroke-width="2" points="${line((t) => t.p99Ms, maxP99)}"/>
</svg>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Benchmark ${report.date}</title></head><body style="font-family:sans-serif">
<h1>Benchmark ${report.date} (${report.scenario})</h1>
${charts.join('\n')}
</body></html>`;
}

export function writeReport(directory: string, report: BenchReport): string[] {
  const base = path.join(directory, `${report.date}-${report.scenario}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${markdown(report)}\n`);
  writeFileSync(`${base}.html`, html(report));
  return [`${base}.json`, `${base}.md`, `${base}.html`];
}
