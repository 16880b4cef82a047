import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTILLERY_BIN, ARTILLERY_ENV } from './artillery';
import { percentiles } from './load';
import { PROJECT_ROOT } from './processes';
import type { BenchUser } from './seed-data';

interface RequestRecord {
  endpoint: string;
  at: number;
  ms: number;
  status: number;
  /** On accepted order entries. */
  orderNum?: number;
}

export interface ScenarioResult {
  name: string;
  seconds: number;
  requests: number;
  byEndpoint: Record<string, ReturnType<typeof percentiles> & { statuses: Record<string, number>; perSecond: number }>;
  /** No answer, 5xx, or a status the step never expects (409 is a sale outcome, not an error): what "0 errors" counts. */
  errors: number;
  /** Requests answered per second and endpoint, by second from the first request, for the chart. */
  timeline: { second: number; endpoint: string; requests: number; p99Ms: number }[];
  /** Orders the service accepted (2xx): each must settle. */
  acceptedOrderNums: number[];
}

/** The p99 of the intake steps (entering and paying), ms. */
export function intakeP99Of(result: Pick<ScenarioResult, 'byEndpoint'>): number {
  return Math.max(result.byEndpoint.enter?.p99 ?? 0, result.byEndpoint.pay?.p99 ?? 0);
}

/** What each step may answer when the service works: SOLD_OUT, NOT_OPEN_YET and the like are 409s. */
const EXPECTED_STATUSES: Record<string, number[]> = { enter: [200, 409], pay: [200, 202], poll: [200] };

export interface ScenarioRun {
  name: string;
  file: string;
  target: string;
  buyers: BenchUser[];
  item: { itemNum: number; price: number };
  abandonRate: number;
  workDir: string;
  /** Use the scenario's `smoke` environment: a few seconds, for the test suite. */
  smoke: boolean;
  /** A Prefer header for the payments (e.g. wait=10: a settled payment answers 200 and is not polled). */
  payPrefer?: string;
}

/** Where a scenario's per-request records go, one JSON line each, as they are answered. */
export const recordsFileOf = (workDir: string, name: string) => path.join(workDir, `${name}-requests.jsonl`);

/** Runs one Artillery scenario file against the service and reads the per-request records back. */
export async function runScenario(run: ScenarioRun, onProgress: (line: string) => void): Promise<ScenarioResult> {
  const buyersFile = path.join(run.workDir, `${run.name}-buyers.json`);
  const recordsFile = recordsFileOf(run.workDir, run.name);
  const artilleryReport = path.join(run.workDir, `${run.name}-artillery.json`);
  writeFileSync(buyersFile, JSON.stringify(run.buyers));
  writeFileSync(recordsFile, '');
  const exitCode = await new Promise<number>((resolve) => {
    const smoke = run.smoke ? ['-e', 'smoke'] : [];
    const child = spawn(process.execPath, [ARTILLERY_BIN, 'run', ...smoke, '-o', artilleryReport, path.join(PROJECT_ROOT, 'artillery', run.file)], {
      env: {
        ...process.env,
        ...ARTILLERY_ENV,
        BENCH_TARGET: run.target,
        BENCH_BUYERS_FILE: buyersFile,
        BENCH_RECORDS_FILE: recordsFile,
        BENCH_ITEM_NUM: String(run.item.itemNum),
        BENCH_ITEM_PRICE: String(run.item.price),
        BENCH_ABANDON_RATE: String(run.abandonRate),
        BENCH_PAY_PREFER: run.payPrefer ?? '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (/vusers\.(created|completed|failed):|http\.requests:|errors\.|p99:/.test(line)) onProgress(line.trim());
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
  if (exitCode !== 0) throw new Error(`artillery ${run.file} exited with ${exitCode}`);
  const result = summarize(run.name, readRecords(recordsFile));
  result.errors += artilleryErrors(artilleryReport);
  return result;
}

/**
 * Requests that never got an answer (connection errors, timeouts) are in Artillery's own report
 * only, as counters named `errors.<code>`.
 */
function artilleryErrors(file: string): number {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { aggregate?: { counters?: Record<string, number> } };
  return Object.entries(report.aggregate?.counters ?? {}).reduce((sum, [name, count]) => (name.startsWith('errors.') ? sum + count : sum), 0);
}

function readRecords(file: string): RequestRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RequestRecord);
}

/** From the first request sent (Artillery itself takes seconds to start) to the last answer. */
function summarize(name: string, records: RequestRecord[]): ScenarioResult {
  // Reduced, not spread: a scenario has more records than a call has room for arguments.
  const firstAt = records.reduce((first, r) => Math.min(first, r.at - r.ms), Infinity);
  const lastAt = records.reduce((last, r) => Math.max(last, r.at), -Infinity);
  const seconds = Math.max(1, (lastAt - firstAt) / 1000);
  const endpoints = [...new Set(records.map((r) => r.endpoint))];
  const byEndpoint = Object.fromEntries(
    endpoints.map((endpoint) => {
      const mine = records.filter((r) => r.endpoint === endpoint);
      const statuses: Record<string, number> = {};
      for (const r of mine) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      return [endpoint, { ...percentiles(mine.map((r) => r.ms)), statuses, perSecond: mine.length / seconds }];
    }),
  );
  const perSecond = new Map<string, { second: number; endpoint: string; latencies: number[] }>();
  for (const r of records) {
    const second = Math.floor((r.at - firstAt) / 1000);
    const key = `${second} ${r.endpoint}`;
    const bucket = perSecond.get(key) ?? { second, endpoint: r.endpoint, latencies: [] };
    bucket.latencies.push(r.ms);
    perSecond.set(key, bucket);
  }
  const timeline = [...perSecond.values()]
    .sort((a, b) => a.second - b.second || a.endpoint.localeCompare(b.endpoint))
    .map(({ second, endpoint, latencies }) => ({ second, endpoint, requests: latencies.length, p99Ms: percentiles(latencies).p99 }));
  return {
    name,
    seconds,
    requests: records.length,
    byEndpoint,
    errors: records.filter((r) => !EXPECTED_STATUSES[r.endpoint]?.includes(r.status)).length,
    timeline,
    acceptedOrderNums: records.flatMap((r) => (r.orderNum === undefined ? [] : [r.orderNum])),
  };
}
