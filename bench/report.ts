import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { STOCK_KINDS, type CapacityReport } from './capacity';
import { capacityChart, scenarioChart, soakChart } from './charts';
import type { DrainMeasurement } from './drain';
import { median, type LoadResult } from './load';
import { machineCpuOf, type MachineCpuShare } from './machine-cpu';
import type { OpenStreams, SettleLatency } from './order-watch';
import type { ScenarioResult } from './scenarios';
import type { SoakReport } from './soak';

interface Machine {
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

/** One run of the bare MySQL limit (bench/mysql-limit.ts). */
interface BareMysqlRun {
  ordersPerSecond: number;
  machineCpu: MachineCpuShare;
  cpuUsPerOrder: Record<string, number>;
}

export interface BenchReport {
  date: string;
  scenario: string;
  command: string;
  machine: Machine;
  settings: Record<string, string | number>;
  http?: {
    bare: LoadResult[];
    bareServedAsApi: LoadResult[];
    intake: LoadResult[];
    soldOut: LoadResult[];
    medians: { bare: number; bareServedAsApi: number; intake: number; soldOut: number };
  };
  hotItem?: {
    drain: Omit<DrainMeasurement, 'orderNums'>[];
    seedDesign: LoadResult[];
    /** DESIGN §8's limit: the same batch's statements, one connection. */
    bareMysqlOneConnection: (BareMysqlRun & { ordersPerBatch: number })[];
    /** The statements sent ahead on two connections, as the drain sends them. */
    bareMysqlBatches: (BareMysqlRun & { ordersPerBatch: number })[];
    /** The two-connection limit again, each run beside a process keeping one core busy at nice 19 (as a draining worker is). */
    bareMysqlBesideBusyCore: BareMysqlRun[];
    medians: { drain: number; seedDesign: number; bareMysqlOneConnection: number; bareMysql: number; bareMysqlBesideBusyCore: number };
    invariantViolations: string[];
  };
  scenarios: ScenarioReport[];
  capacity?: CapacityReport;
  settleLatency?: SettleLatency;
  openStreams?: OpenStreams;
  soak?: SoakReport;
  checks: Check[];
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const ratesOf = (runs: { ordersPerSecond: number }[]) => runs.map((run) => fixed(run.ordersPerSecond)).join(', ');

function httpSection(http: NonNullable<BenchReport['http']>): string[] {
  return [
    '## HTTP (autocannon, same connections and duration for each)',
    '',
    '| endpoint | req/s (median) | p50 ms | p97.5 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|',
    ...(['bare', 'bareServedAsApi', 'intake', 'soldOut'] as const).map((name) => {
      const runs = http[name];
      const mid = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];
      const label = {
        bare: 'bare Express JSON (DESIGN §8 baseline: app.listen)',
        bareServedAsApi: 'bare Express JSON served as the API is (no per-request prototype swap)',
        intake: 'POST /api/v1/orders (accepted)',
        soldOut: 'POST /api/v1/orders (sold out)',
      }[name];
      return `| ${label} | ${fixed(http.medians[name])} | ${mid.latencyMs.p50} | ${mid.latencyMs.p97_5} | ${mid.latencyMs.p99} | ${mid.latencyMs.max} |`;
    }),
    '',
  ];
}

function hotItemSection(hotItem: NonNullable<BenchReport['hotItem']>): string[] {
  return [
    '## Hot item',
    '',
    '| | orders/s (median) | the machine\'s cores meanwhile: busy (lost to the hypervisor), medians |',
    '|---|---|---|',
    `| this service: one item's line drained by the workers | ${fixed(hotItem.medians.drain)} | ${machineCpuOf(hotItem.drain.map((drain) => drain.machineCpu))} |`,
    `| seed's first design: one SELECT … FOR UPDATE transaction per order, 16 connections | ${fixed(hotItem.medians.seedDesign)} | |`,
    `| limit (DESIGN §8): the bare MySQL statements of as many orders in batches of ${hotItem.bareMysqlOneConnection[0]?.ordersPerBatch ?? 0}, one connection, each batch sent when the one before has committed, each run beside a drain run | ${fixed(hotItem.medians.bareMysqlOneConnection)} | ${machineCpuOf(hotItem.bareMysqlOneConnection.map((run) => run.machineCpu))} |`,
    `| the same statements sent ahead on two connections, each batch on a connection of its own behind the one before, as the drain sends them, each run beside a drain run | ${fixed(hotItem.medians.bareMysql)} | ${machineCpuOf(hotItem.bareMysqlBatches.map((run) => run.machineCpu))} |`,
    `| those again, each run beside a process keeping one core busy at nice 19, as a draining worker is (WORKER_NICE) | ${fixed(hotItem.medians.bareMysqlBesideBusyCore)} | ${machineCpuOf(hotItem.bareMysqlBesideBusyCore.map((run) => run.machineCpu))} |`,
    '',
    `Each run (orders/s): drains ${ratesOf(hotItem.drain)}; limits ${ratesOf(hotItem.bareMysqlOneConnection)}; sent ahead on two connections ${ratesOf(hotItem.bareMysqlBatches)}; those beside the busy core ${ratesOf(hotItem.bareMysqlBesideBusyCore)}. Before them every worker drained, untimed (one item in each partition at once, a round per worker).`,
    '',
    ...cpuPerOrderTable([
      ['drains', hotItem.drain],
      ['limits (one connection)', hotItem.bareMysqlOneConnection],
      ['sent ahead on two connections', hotItem.bareMysqlBatches],
      ['those beside the busy core', hotItem.bareMysqlBesideBusyCore],
    ]),
    '',
    `Invariants after the drain runs: ${hotItem.invariantViolations.length ? hotItem.invariantViolations.join('; ') : 'all hold'}.`,
    '',
  ];
}

/**
 * CPU µs an order by process (medians of the runs): what the drain needs besides MySQL's own, and
 * what MySQL's own becomes when it shares the cores.
 */
function cpuPerOrderTable(rows: [string, { cpuUsPerOrder: Record<string, number> }[]][]): string[] {
  const roles = [...new Set(rows.flatMap(([, runs]) => runs.flatMap((run) => Object.keys(run.cpuUsPerOrder))))];
  return [
    `CPU an order, µs (medians of the runs; the processes' /proc/<pid>/stat, Redis's INFO cpu; "bench" is the bench process, the limit's client):`,
    '',
    `| | ${roles.join(' | ')} |`,
    `|---|${roles.map(() => '---|').join('')}`,
    ...rows.map(([label, runs]) => `| ${label} | ${roles.map((role) => fixed(median(runs.map((run) => run.cpuUsPerOrder[role] ?? 0)), 1)).join(' | ')} |`),
  ];
}

function scenarioSection(scenario: ScenarioReport): string[] {
  return [
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
  ];
}

function orderWatchSection(report: BenchReport): string[] {
  const { settleLatency: latency, openStreams: streams } = report;
  if (!latency && !streams) return [];
  return [
    '## Telling the buyer (DESIGN §9)',
    '',
    ...(latency
      ? [
          `Opening spike: ${latency.buyers} buyers of the bench's own, arriving while the spike's load runs, each entered an order, opened its stream and paid; from the 202 to the settled order on the stream: p50 ${latency.settleMs.p50} ms, p95 ${latency.settleMs.p95} ms, p99 ${latency.settleMs.p99} ms, max ${latency.settleMs.max} ms${latency.unanswered ? `; ${latency.unanswered} were never told` : ''}.`,
          '',
        ]
      : []),
    ...(streams
      ? [
          `${streams.streams} streams open on one API process, each on an order waiting in a paused line: RSS ${fixed(streams.rssBeforeMiB)} → ${fixed(streams.rssAfterMiB)} MiB, ${fixed(streams.kibPerStream, 1)} KiB a stream. Then those streams were closed, the same orders followed again (a heap as a serving process has it, not one the RSS measurement's low-memory collections had just shrunk), and the line drained: from a settle's publish (heard by the bench on the order changes channel) to its event at the stream's client: p50 ${streams.settleToEventMs.p50} ms, p99 ${streams.settleToEventMs.p99} ms, max ${streams.settleToEventMs.max} ms${streams.unanswered ? `; ${streams.unanswered} never told` : ''}. Meanwhile the bench's own event loop, where its 10,000 clients read their events, was late by up to ${streams.clientLoopDelayMs.p99} ms (p99; max ${streams.clientLoopDelayMs.max} ms): that much of the delay may be the client's. The drain took ${streams.drainMs} ms; CPU per stream over it: the API process ${streams.apiCpuUsPerStream} µs (and ${streams.apiCloseCpuUsPerStream} µs more once the clients closed their connections, kept alive after the answers ended as a browser keeps them), the bench's clients ${streams.clientCpuUsPerStream} µs; the machine's cores were ${streams.machineCpu.busyPercent}% busy (${streams.machineCpu.stealPercent}% lost to the hypervisor).`,
          '',
        ]
      : []),
  ];
}

function soakSection(soak: SoakReport): string[] {
  const processes = Object.keys(soak.runs[0]?.rssMiB ?? {});
  return [
    "## Soak: the seed's load test again and again (DESIGN §8)",
    '',
    "Against the bench's API and workers, up since the bench began; each run on an item of its own. After each run, once every order settled: each process's RSS once it collected its garbage, Redis's used memory, and the keys under the prefix without a TTL (items' own, the drain queues', any other: among them the mirrors of orders not settled yet, which get their TTL when they settle).",
    '',
    `| run | s | requests | errors | intake p99 ms | ${processes.map((name) => `${name} MiB`).join(' | ')} | Redis MiB | keys without TTL: items', queue, other |`,
    `|---|---|---|---|---|${processes.map(() => '---|').join('')}---|---|`,
    ...soak.runs.map(
      (run, i) =>
        `| ${i + 1} | ${fixed(run.seconds, 1)} | ${run.requests} | ${run.errors} | ${run.intakeP99Ms} | ${processes.map((name) => fixed(run.rssMiB[name], 1)).join(' | ')} | ${fixed(run.redisUsedMiB, 1)} | ${run.keysWithoutTtl.items}, ${run.keysWithoutTtl.queue}, ${Object.values(run.keysWithoutTtl.other).reduce((sum, n) => sum + n, 0)} |`,
    ),
    '',
  ];
}

function capacitySection(capacity: CapacityReport): string[] {
  const lines = [
    '## Capacity knee (open model: each arrival enters an order and pays it)',
    '',
    `Steps of ${capacity.plan.map((step) => step.rate).join(', ')} arrivals/s, ${capacity.plan[0]?.seconds ?? 0} s each, over 256 keep-alive connections; a run stops after a step with p99 > 1 s or more than 5% errors. Held: 0 errors and p99 < 100 ms. The HTTP ceiling is bare Express answering the same two requests with the stock in its memory (no auth, Redis or MySQL): no Express server holds more on this machine with this generator, so a ratio to the seed design above the ceiling's own ratio cannot be reached here. CPU per arrival over the step: the load generator's own (its process, \`process.cpuUsage\`: with it near a core's worth per second, the generator, not the target, limits the step), the API processes' own \`process_cpu_seconds_total\` (for the HTTP ceiling, its server's \`process.cpuUsage\`) and the Redis server's INFO cpu (all its clients).`,
    '',
  ];
  for (const kind of STOCK_KINDS) {
    const runs = capacity.runs.filter((run) => run.kind === kind);
    if (!runs.length) continue;
    lines.push(`### ${kind === 'enough-stock' ? 'Enough stock: every order is accepted' : 'Sells out in the first seconds'}`, '', '| target | highest rate held (arrivals/s) | outcomes | invariants |', '|---|---|---|---|');
    for (const run of runs) {
      const outcomes = run.outcomes ? Object.entries(run.outcomes).map(([status, n]) => `${status} ${n}`).join(', ') : '—';
      const invariants = run.invariantViolations ? (run.invariantViolations.length ? run.invariantViolations.slice(0, 3).join('; ') : 'all hold') : '—';
      lines.push(`| ${run.target} | ${run.kneePerSecond} | ${outcomes} | ${invariants} |`);
    }
    lines.push(
      '',
      '| target | offered/s | requests | errors | p50 ms | p99 ms | max ms | generator lag p99 ms | generator CPU ms/arrival | API CPU ms/arrival (ceiling: its server) | Redis CPU ms/arrival |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    const cpu = (ms: number | undefined) => (ms === undefined ? '—' : fixed(ms, 3));
    for (const run of runs) {
      for (const step of run.steps) {
        lines.push(
          `| ${run.target} | ${step.offeredPerSecond} | ${step.requests} | ${step.errors} | ${fixed(step.latencyMs.p50, 1)} | ${fixed(step.latencyMs.p99, 1)} | ${fixed(step.latencyMs.max, 1)} | ${fixed(step.launchLagP99Ms, 1)} | ${cpu(step.generatorCpuMsPerArrival)} | ${cpu(step.cpuMsPerArrival?.api)} | ${cpu(step.cpuMsPerArrival?.redis)} |`,
        );
      }
    }
    lines.push('');
  }
  return lines;
}

function markdown(report: BenchReport): string {
  const runs = report.http?.bare.length ?? report.hotItem?.drain.length;
  return [
    `# Benchmark ${report.date} (${report.scenario})`,
    '',
    `Command: \`${report.command}\``,
    '',
    `Machine: ${report.machine.cores} cores (${report.machine.cpuModel}), ${fixed(report.machine.memoryGiB, 1)} GiB, Node ${report.machine.node}, MySQL ${report.machine.mysql}, Redis ${report.machine.redis}. Load generator and service share the cores${runs ? `; figures are medians of ${runs} runs` : ''}.`,
    '',
    '## Targets (DESIGN §8)',
    '',
    '| check | target | measured | |',
    '|---|---|---|---|',
    ...report.checks.map((c) => `| ${c.name} | ${c.target} | ${c.measured} | ${c.pass ? 'pass' : '**FAIL**'} |`),
    '',
    ...(report.http ? httpSection(report.http) : []),
    ...(report.hotItem ? hotItemSection(report.hotItem) : []),
    ...(report.capacity ? capacitySection(report.capacity) : []),
    ...orderWatchSection(report),
    ...(report.soak ? soakSection(report.soak) : []),
    ...report.scenarios.flatMap(scenarioSection),
  ].join('\n');
}

const PAGE_STYLE = 'body{font-family:sans-serif;max-width:1000px;margin:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}';

/** The Markdown report as a page, with the charts: capacity curves per kind of item, each scenario second by second, and the soak run by run. */
async function html(report: BenchReport, summary: string): Promise<string> {
  const charts: string[] = [];
  if (report.capacity) {
    for (const kind of STOCK_KINDS) {
      const runs = report.capacity.runs.filter((run) => run.kind === kind);
      if (runs.length) charts.push(await capacityChart(`Capacity knee, ${kind === 'enough-stock' ? 'enough stock' : 'item that sells out'}`, runs));
    }
  }
  for (const scenario of report.scenarios) charts.push(await scenarioChart(scenario));
  if (report.soak) charts.push(await soakChart(report.soak));
  return `<!doctype html><html><head><meta charset="utf-8"><title>Benchmark ${report.date}</title><style>${PAGE_STYLE}</style></head><body>
${await marked.parse(summary)}
<h2>Charts</h2>
${charts.map((svg) => `<figure>${svg}</figure>`).join('\n')}
</body></html>`;
}

export async function writeReport(directory: string, report: BenchReport): Promise<string[]> {
  const base = path.join(directory, `${report.date}-${report.scenario}`);
  const summary = markdown(report);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${summary}\n`);
  writeFileSync(`${base}.html`, await html(report, summary));
  return [`${base}.json`, `${base}.md`, `${base}.html`];
}
