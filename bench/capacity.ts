import type { Redis } from 'ioredis';
import type { Db } from '../shared/db';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { redisServerCpuMs } from './machine-cpu';
import { kneeOf, runOpenModel, type CapacityTarget, type StepPlan, type StepResult } from './open-model';
import { BenchProcess, waitUntilUp } from './processes';
import { seedItem, type BenchUser } from './seed-data';
import { outcomesOf, waitUntilItemSettled } from './settlement';

/**
 * DESIGN §12's capacity knee: the same stepped open model (bench/open-model.ts) against this
 * service as `npm start` runs it with 1 and with 2 API processes, against the seed's first
 * design, and against bare Express with the stock in memory (the machine's HTTP ceiling), twice: on an item with stock for every order, and on one that sells out in the first
 * seconds (then every later buyer is told so).
 */
export type StockKind = 'enough-stock' | 'sells-out';
export const STOCK_KINDS: StockKind[] = ['enough-stock', 'sells-out'];

export interface CapacityRun {
  kind: StockKind;
  target: string;
  steps: StepResult[];
  /** Highest offered arrivals/s with no error and p99 < 100 ms (0: not even the first step). */
  kneePerSecond: number;
  /** This service only: how its orders ended in MySQL, and the DESIGN §5 audit. */
  outcomes?: Record<string, number>;
  invariantViolations?: string[];
}

export interface CapacityReport {
  plan: StepPlan[];
  runs: CapacityRun[];
}

export const SEED_DESIGN_TARGET = 'seed design';
/** What no Express server can beat on this machine with this generator: bench/baselines/bare-express.ts. */
export const HTTP_CEILING_TARGET = 'HTTP ceiling: bare Express, stock in memory';
export const ourTarget = (apiProcesses: number) => `this service, API_PROCESSES=${apiProcesses}`;

export interface CapacityBench {
  db: Db;
  redis: Redis;
  sellerNum: number;
  buyers: BenchUser[];
  plan: StepPlan[];
  kinds: StockKind[];
  /** Environment of the service under test; PORT is where the API processes listen. */
  serviceEnv: NodeJS.ProcessEnv;
  seedDesignOrigin: string;
  bareOrigin: string;
  log: (message: string) => void;
}

/** Units of the sell-out item: half the first step's buyers, so it is gone within its first seconds. */
const sellOutStock = (plan: StepPlan[]) => Math.max(1, Math.round((plan[0].rate * plan[0].seconds) / 2));
const ENOUGH_STOCK = 100_000_000;
export const ADMIN = { ADMIN_USER: 'bench', ADMIN_PASSWORD: 'bench-only-admin-password' };
export const ADMIN_AUTH = { authorization: `Basic ${Buffer.from(`${ADMIN.ADMIN_USER}:${ADMIN.ADMIN_PASSWORD}`).toString('base64')}` };

/**
 * CPU seconds so far of every API process (their aggregated `process_cpu_seconds_total`) and of
 * the Redis server (INFO cpu: every client's share, so only exact on a Redis of the bench's own).
 */
export function cpuMeterOf(origin: string, redis: Redis): () => Promise<Record<string, number>> {
  return async () => {
    const metrics = await (await fetch(`${origin}/metrics`, { headers: ADMIN_AUTH })).text();
    const api = /^process_cpu_seconds_total(?:\{[^}]*\})? (\S+)$/m.exec(metrics)?.[1];
    return { api: Number(api ?? NaN), redis: (await redisServerCpuMs(redis)) / 1000 };
  };
}

function stepLine(step: StepResult): string {
  const cpu = Object.entries(step.cpuMsPerArrival ?? {}).map(([component, ms]) => `, ${component} ${ms.toFixed(3)} ms CPU/arrival`);
  return `${step.offeredPerSecond}/s: p99 ${step.latencyMs.p99.toFixed(1)} ms, ${step.errors} errors of ${step.requests}, generator lag p99 ${step.launchLagP99Ms.toFixed(1)} ms, generator ${step.generatorCpuMsPerArrival.toFixed(3)} ms CPU/arrival${cpu.join('')}`;
}

/** `npm start` with `apiProcesses` API processes; both kinds of item; every order audited after it settles. */
export async function measureOurCapacity(bench: CapacityBench, apiProcesses: number, workerProcesses: number): Promise<CapacityRun[]> {
  const origin = `http://127.0.0.1:${bench.serviceEnv.PORT}`;
  const service = BenchProcess.start(`npm start (${apiProcesses} API)`, 'start', {
    ...bench.serviceEnv,
    ...ADMIN,
    API_PROCESSES: String(apiProcesses),
    WORKER_PROCESSES: String(workerProcesses),
    WORKER_METRICS_PORT: '0',
  });
  const target = ourTarget(apiProcesses);
  const runs: CapacityRun[] = [];
  try {
    // The aggregate of /metrics answers once every API process does.
    await waitUntilUp(`${origin}/metrics`, 60_000, ADMIN_AUTH);
    for (const kind of bench.kinds) {
      const stock = kind === 'sells-out' ? sellOutStock(bench.plan) : ENOUGH_STOCK;
      const item = await seedItem(bench.db, bench.redis, bench.sellerNum, { title: `capacity ${kind} ${apiProcesses}`, price: 1000, stock });
      bench.log(`capacity: ${target}, ${kind} (item ${item.itemNum}, ${stock} units)`);
      const { steps, acceptedOrderNums } = await runOpenModel({ origin, buyers: bench.buyers, item, cpuMeter: cpuMeterOf(origin, bench.redis) }, bench.plan, (step) =>
        bench.log(`  ${stepLine(step)}`),
      );
      await waitUntilItemSettled(bench.db, bench.redis, item.itemNum, false);
      runs.push({
        kind,
        target,
        steps,
        kneePerSecond: kneeOf(steps),
        outcomes: await outcomesOf(bench.db, item.itemNum),
        invariantViolations: await auditItemInvariants(bench.db, item.itemNum, acceptedOrderNums),
      });
    }
  } finally {
    await service.stop();
  }
  return runs;
}

/** The seed design server (already running): both kinds of item, each a stock row of its own. */
export function measureSeedDesignCapacity(bench: CapacityBench): Promise<CapacityRun[]> {
  return measureBaselineCapacity(bench, SEED_DESIGN_TARGET, bench.seedDesignOrigin, 1_000, (itemNum, stock) =>
    bench.db.raw('INSERT INTO seed_stocks (item_id, quantity) VALUES (?, ?)', [itemNum, stock]),
  );
}

/** The bare Express baseline (already running): the most any Express server holds here, both kinds of item. */
export function measureHttpCeilingCapacity(bench: CapacityBench): Promise<CapacityRun[]> {
  const cpuMeter = async () => ({ api: ((await (await fetch(`${bench.bareOrigin}/bare/cpu`)).json()) as { seconds: number }).seconds });
  return measureBaselineCapacity(
    bench,
    HTTP_CEILING_TARGET,
    bench.bareOrigin,
    2_000,
    async (itemNum, stock) => {
      const answer = await fetch(`${bench.bareOrigin}/bare/items/${itemNum}/stock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stock }) });
      if (!answer.ok) throw new Error(`bare Express refused the stock of item ${itemNum}: ${answer.status}`);
    },
    cpuMeter,
  );
}

async function measureBaselineCapacity(
  bench: CapacityBench,
  target: string,
  origin: string,
  firstItemNum: number,
  stockItem: (itemNum: number, stock: number) => Promise<unknown>,
  cpuMeter?: CapacityTarget['cpuMeter'],
): Promise<CapacityRun[]> {
  const runs: CapacityRun[] = [];
  for (const kind of bench.kinds) {
    const itemNum = firstItemNum + STOCK_KINDS.indexOf(kind);
    await stockItem(itemNum, kind === 'sells-out' ? sellOutStock(bench.plan) : ENOUGH_STOCK);
    bench.log(`capacity: ${target}, ${kind}`);
    const { steps } = await runOpenModel({ origin, buyers: bench.buyers, item: { itemNum, price: 1000 }, cpuMeter }, bench.plan, (step) => bench.log(`  ${stepLine(step)}`));
    runs.push({ kind, target, steps, kneePerSecond: kneeOf(steps) });
  }
  return runs;
}
