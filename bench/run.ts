import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Redis } from 'ioredis';
import { loadConfig, type Config } from '../shared/config';
import { createDb, type Db } from '../shared/db';
import { createOrderQueues, partitionOf, type OrderQueues } from '../shared/queue';
import { API_NODE_FLAGS, WORKER_NODE_FLAGS } from '../shared/node-flags';
import { createRedis } from '../shared/redis';
import { ensureArtilleryInstalled } from './artillery';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { HTTP_CEILING_TARGET, measureHttpCeilingCapacity, measureOurCapacity, measureSeedDesignCapacity, ourTarget, SEED_DESIGN_TARGET, STOCK_KINDS, type CapacityBench, type CapacityRun } from './capacity';
import { inspectPortArg } from './collect-garbage';
import { measureHotItemDrain } from './drain';
import { deleteKeysUnderPrefix, recreateDatabase } from '../testkit/fresh-state';
import { measure, median, type LoadResult } from './load';
import { measureBareBatchStatements } from './mysql-limit';
import type { StepPlan } from './open-model';
import { BenchProcess, PROJECT_ROOT, untilFileHasContent, waitUntilUp } from './processes';
import { writeReport, type BenchReport, type Check, type ScenarioReport } from './report';
import { localMysqlPids, machineCpuOf, type CpuRoles } from './machine-cpu';
import { measureOpenStreams, measureSettleLatencyDuringSpike, type OpenStreams, type SettleLatency } from './order-watch';
import { intakeP99Of, recordsFileOf, runScenario } from './scenarios';
import { benchServiceEnv } from './service-env';
import { seedItem, seedUsers, type BenchUser } from './seed-data';
import { runSoak, soakChecks, type SoakReport } from './soak';
import { outcomesOf, waitUntilItemSettled } from './settlement';

const STARTUP_TIMEOUT_MS = 90_000;
/** What `--scenario` picks from (by prefix; `all` runs every part). */
type Part = 'http' | 'hot-item' | 'seed-load-test' | 'opening-spike' | 'order-streams' | 'soak' | 'capacity';

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'all' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(PROJECT_ROOT, 'bench', 'results') },
    'database-url': { type: 'string', default: 'mysql://root@127.0.0.1:3306/reservation_purchase_bench' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
    'redis-prefix': { type: 'string', default: 'rpbench:' },
    workers: { type: 'string', default: '2' },
    'drain-batch-size': { type: 'string' },
    // The bench's processes listen on this port and the next 11 (the suite's smoke run takes free ones).
    'port-base': { type: 'string', default: '18180' },
    // How many order streams the order-streams part opens on one API process (DESIGN §8: 10,000).
    'open-streams': { type: 'string' },
    // The capacity knee on one kind of item only (enough-stock or sells-out); both by default.
    'capacity-kind': { type: 'string' },
  },
});
const portBase = Number(args['port-base']);
// Each worker's inspector on the ports from workerInspectors (at most MAX_WORKERS of them).
const PORTS = { api: portBase, apiInspector: portBase + 1, capacity: portBase + 2, workerInspectors: portBase + 3, plainBare: portBase + 9, bare: portBase + 10, seedDesign: portBase + 11 };
const MAX_WORKERS = PORTS.plainBare - PORTS.workerInspectors;
if (Number(args.workers) > MAX_WORKERS) throw new Error(`--workers is at most ${MAX_WORKERS} (the bench's ports)`);
const wants = (part: Part) => args.scenario === 'all' || part.startsWith(args.scenario);

const capacityRates = [100, 200, 400, 600, 800, 1000, 1250, 1500, 1750, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 8000, 10000, 12000, 15000, 18000, 21000, 25000, 30000, 35000, 40000];
const capacityKinds = STOCK_KINDS.filter((kind) => (args['capacity-kind'] ?? kind) === kind);
if (!capacityKinds.length) throw new Error(`--capacity-kind is one of ${STOCK_KINDS.join(', ')}`);
const sizes = args.quick
  ? {
      runs: 1,
      seconds: 1,
      connections: 20,
      drainOrders: 400,
      buyers: 40,
      seedStock: 20,
      spikeStock: 20,
      capacity: [20, 50].map((rate) => ({ rate, seconds: 1 })),
      spikeWatchers: 10,
      spikeWatchWindowMs: 2000,
      openStreams: Number(args['open-streams'] ?? 100),
      // Fewer processes to start: the smoke run checks the harness, not the figures.
      capacityWorkers: 1,
      soakRuns: 2,
      soakBuyers: 8,
      rssSteadyMs: 100,
    }
  : {
      runs: 3,
      seconds: 5,
      connections: 50,
      drainOrders: 20_000,
      buyers: 10_000,
      seedStock: 2_000,
      spikeStock: 1_000,
      capacity: capacityRates.map((rate) => ({ rate, seconds: 5 })),
      spikeWatchers: 300,
      spikeWatchWindowMs: 10_000,
      openStreams: Number(args['open-streams'] ?? 10_000),
      capacityWorkers: Number(args.workers),
      soakRuns: 6,
      soakBuyers: 10_000,
      rssSteadyMs: 1000,
    };

const serviceEnv = benchServiceEnv({
  port: PORTS.api,
  databaseUrl: args['database-url'],
  redisUrl: args['redis-url'],
  redisPrefix: args['redis-prefix'],
  drainBatchSize: args['drain-batch-size'],
});

const startedAt = Date.now();
const log = (message: string) => process.stderr.write(`[bench +${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)}s] ${message}\n`);

async function machineOf(db: Db, redis: Redis) {
  const [[{ version }]] = await db.raw<[{ version: string }[]]>('SELECT VERSION() AS version');
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    mysql: String(version),
    redis: redisVersion,
  };
}

interface Bench {
  config: Config;
  db: Db;
  redis: Redis;
  orderQueues: OrderQueues;
  sellerNum: number;
  buyers: BenchUser[];
}

const rateOf = (runs: LoadResult[]) => median(runs.map((r) => r.requestsPerSecond));
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}% (${part.toFixed(0)} vs ${whole.toFixed(0)} req/s)`;

/**
 * Intake and sold-out answers against bare Express. The intake item's partition is paused
 * meanwhile: the API's acceptance rate is measured, not how 2 cores split between the API and
 * workers draining at once; the line drains afterwards.
 */
async function measureHttp(bench: Bench): Promise<{ http: NonNullable<BenchReport['http']>; checks: Check[] }> {
  const { config, db, redis, orderQueues } = bench;
  const buyer = bench.buyers[0];
  const intakeItem = await seedItem(db, redis, bench.sellerNum, { title: 'intake', price: 1000, stock: 100_000_000 });
  const soldOutItem = await seedItem(db, redis, bench.sellerNum, { title: 'sold out', price: 1000, stock: 0 });
  const intakePartition = orderQueues.queues[partitionOf(intakeItem.itemNum, config.queuePartitions)];
  await intakePartition.pause();
  const order = (item: { itemNum: number; price: number }) => ({
    url: `http://127.0.0.1:${PORTS.api}/api/v1/orders`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${buyer.token}` },
    body: JSON.stringify({ buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price }),
  });
  const results = { bare: [] as LoadResult[], bareServedAsApi: [] as LoadResult[], intake: [] as LoadResult[], soldOut: [] as LoadResult[] };
  for (let run = 1; run <= sizes.runs; run++) {
    log(`HTTP run ${run}/${sizes.runs}: bare Express`);
    // The ceilings get the very request the API gets (same header and body to parse).
    results.bare.push(await measure({ ...order(soldOutItem), url: `http://127.0.0.1:${PORTS.plainBare}/bare` }, sizes.connections, sizes.seconds));
    log(`HTTP run ${run}/${sizes.runs}: bare Express served as the API is`);
    results.bareServedAsApi.push(await measure({ ...order(soldOutItem), url: `http://127.0.0.1:${PORTS.bare}/bare` }, sizes.connections, sizes.seconds));
    log(`HTTP run ${run}/${sizes.runs}: POST /orders accepted`);
    results.intake.push(await measure(order(intakeItem), sizes.connections, sizes.seconds));
    log(`HTTP run ${run}/${sizes.runs}: POST /orders sold out`);
    results.soldOut.push(await measure(order(soldOutItem), sizes.connections, sizes.seconds));
  }
  await intakePartition.resume();
  await waitUntilItemSettled(db, redis, intakeItem.itemNum, false);
  const medians = { bare: rateOf(results.bare), bareServedAsApi: rateOf(results.bareServedAsApi), intake: rateOf(results.intake), soldOut: rateOf(results.soldOut) };
  // The check is against plain Express (DESIGN §8); beside it, against Express served as the API is.
  const ofBoth = (rate: number) => `${percent(rate, medians.bare)}; ${percent(rate, medians.bareServedAsApi)} served as the API is`;
  return {
    http: { ...results, medians },
    checks: [
      { name: 'intake vs bare Express', target: '≥ 50%', measured: ofBoth(medians.intake), pass: medians.intake >= 0.5 * medians.bare },
      { name: 'sold-out answers vs bare Express', target: '≥ 80%', measured: ofBoth(medians.soldOut), pass: medians.soldOut >= 0.8 * medians.bare },
    ],
  };
}

/**
 * Every worker drains before the timed drains, as a worker serving drops has. A partition's job
 * goes to the worker that has waited on it longest, and a worker waits again once its job is done:
 * so, untimed, one item in each partition drains at once, in as many rounds as there are workers
 * (in one round of eight items, all eight went to the same worker). A worker's first drain, its
 * code not yet optimized and its heap not yet grown (two major collections with 10-20 ms marking
 * steps in it), ran 10-25% slower than its next; which timed drains met a cold worker was chance.
 */
async function warmUpWorkers({ config, db, redis, orderQueues, sellerNum, buyers }: Bench, cpuRoles: CpuRoles): Promise<void> {
  const items = config.queuePartitions;
  const rounds = Number(args.workers);
  // As many orders in all as one timed drain.
  const orders = Math.ceil(sizes.drainOrders / (items * rounds));
  for (let round = 1; round <= rounds; round++) {
    log(`hot item warm-up ${round}/${rounds}: ${items} items (one a partition) of ${orders} orders drained at once, untimed`);
    await Promise.all(
      Array.from({ length: items }, async (_, i) => {
        const item = await seedItem(db, redis, sellerNum, { title: `warm-up ${round}.${i + 1}`, price: 1000, stock: orders });
        await measureHotItemDrain(config, redis, orderQueues, item, buyers, orders, cpuRoles);
        await waitUntilItemSettled(db, redis, item.itemNum);
      }),
    );
  }
}

/** The hot-item part's CPU split: MySQL (when on this machine), the workers, the API, the bench itself (the limit's client) and the Redis server. */
function hotItemCpuRoles(bench: Bench, service: ServiceProcess[]): CpuRoles {
  const pidsOf = (name: string) => service.filter(({ running }) => running.name.startsWith(name)).map(({ running }) => running.child.pid!);
  return { redis: bench.redis, pids: { mysql: localMysqlPids(), workers: pidsOf('worker'), api: pidsOf('api'), bench: [process.pid] } };
}

/** A hot item's line drained by the workers, beside the seed design's locking transactions and the bare MySQL limit. */
async function measureHotItem(bench: Bench, cpuRoles: CpuRoles): Promise<{ hotItem: NonNullable<BenchReport['hotItem']>; checks: Check[] }> {
  const { config, db, redis, orderQueues } = bench;
  type HotItem = NonNullable<BenchReport['hotItem']>;
  const drains: HotItem['drain'] = [];
  const bareMysqlOneConnection: HotItem['bareMysqlOneConnection'] = [];
  const bareMysqlBatches: HotItem['bareMysqlBatches'] = [];
  const invariantViolations: string[] = [];
  const ordersPerBatch = Math.floor(config.drainBatchSize / 2);
  const limitItem = await seedItem(db, redis, bench.sellerNum, { title: 'limit', price: 1000, stock: 100_000_000 });
  const drainRun = async (run: number) => {
    log(`hot item run ${run}/${sizes.runs}: draining ${sizes.drainOrders} orders of one item`);
    // Stock for every order: the gate admits no order for units that payments in flight hold.
    const hotItem = await seedItem(db, redis, bench.sellerNum, { title: `hot ${run}`, price: 1000, stock: sizes.drainOrders });
    const { orderNums, ...drain } = await measureHotItemDrain(config, redis, orderQueues, hotItem, bench.buyers, sizes.drainOrders, cpuRoles);
    drains.push(drain);
    await waitUntilItemSettled(db, redis, hotItem.itemNum);
    invariantViolations.push(...(await auditItemInvariants(db, hotItem.itemNum, orderNums)));
  };
  const limitOf = (connections: 1 | 2) => measureBareBatchStatements(config, limitItem.itemNum, bench.buyers.map((buyer) => buyer.userNum), ordersPerBatch, Math.ceil(sizes.drainOrders / ordersPerBatch), cpuRoles, connections);
  const limitRun = (connections: 1 | 2, runs: HotItem['bareMysqlBatches']) => async (run: number) => {
    log(`hot item run ${run}/${sizes.runs}: limit, bare MySQL statements of as many orders, ${ordersPerBatch} a batch, on ${connections} connection(s)`);
    runs.push({ ordersPerBatch, ...(await limitOf(connections)) });
  };
  await warmUpWorkers(bench, cpuRoles);
  // Each drain is beside the limits on as many orders, their order rotated every run, so that all
  // meet MySQL in the same state (its tables as large, its log as full, as warm).
  const parts = [drainRun, limitRun(1, bareMysqlOneConnection), limitRun(2, bareMysqlBatches)];
  for (let run = 1; run <= sizes.runs; run++) {
    for (let part = 0; part < parts.length; part++) await parts[(run - 1 + part) % parts.length](run);
  }
  const besideBusyCore: HotItem['bareMysqlBesideBusyCore'] = [];
  for (let run = 1; run <= sizes.runs; run++) {
    log(`hot item run ${run}/${sizes.runs}: limit beside a process keeping a core busy at nice 19`);
    const busyCore = BenchProcess.busyCore();
    try {
      besideBusyCore.push(await limitOf(2));
    } finally {
      await busyCore.stop();
    }
  }
  await db.raw('INSERT INTO seed_stocks (item_id, quantity) VALUES (1, 100000000)');
  const seedDesign: LoadResult[] = [];
  for (let run = 1; run <= sizes.runs; run++) {
    log(`hot item run ${run}/${sizes.runs}: seed design, one locking transaction per order`);
    const placeAndPay = { url: `http://127.0.0.1:${PORTS.seedDesign}/api/v1/orders/place-and-pay`, method: 'POST' as const, body: '{"buyerNum":1,"itemNum":1,"quantity":1,"price":1000}' };
    seedDesign.push(await measure(placeAndPay, 64, sizes.seconds));
  }
  const rateOfRuns = (runs: { ordersPerSecond: number }[]) => median(runs.map((run) => run.ordersPerSecond));
  const medians = {
    drain: rateOfRuns(drains),
    seedDesign: rateOf(seedDesign),
    bareMysqlOneConnection: rateOfRuns(bareMysqlOneConnection),
    bareMysql: rateOfRuns(bareMysqlBatches),
    bareMysqlBesideBusyCore: rateOfRuns(besideBusyCore),
  };
  const percentOfDrain = (limit: number) => `${((100 * medians.drain) / limit).toFixed(0)}%`;
  return {
    hotItem: { drain: drains, seedDesign, bareMysqlOneConnection, bareMysqlBatches, bareMysqlBesideBusyCore: besideBusyCore, medians, invariantViolations },
    checks: [
      {
        name: 'hot-item drain vs seed design',
        target: '≥ 10×',
        measured: `${(medians.drain / medians.seedDesign).toFixed(1)}× (${medians.drain.toFixed(0)} vs ${medians.seedDesign.toFixed(0)} orders/s)`,
        pass: medians.drain >= 10 * medians.seedDesign,
      },
      {
        name: 'hot-item drain vs bare MySQL limit',
        target: '≥ 85% (DESIGN §8: the same batch\'s statements, one connection)',
        measured: `${percentOfDrain(medians.bareMysqlOneConnection)} (${medians.drain.toFixed(0)} vs ${medians.bareMysqlOneConnection.toFixed(0)} orders/s; cores busy (hypervisor steal): drains ${machineCpuOf(drains.map((drain) => drain.machineCpu))}, limit ${machineCpuOf(bareMysqlOneConnection.map((run) => run.machineCpu))}); ${percentOfDrain(medians.bareMysql)} of the statements sent ahead on two connections as the drain sends them (${medians.bareMysql.toFixed(0)} orders/s), ${percentOfDrain(medians.bareMysqlBesideBusyCore)} of those beside a core kept busy at nice 19 (${medians.bareMysqlBesideBusyCore.toFixed(0)})`,
        pass: medians.drain >= 0.85 * medians.bareMysqlOneConnection,
      },
      { name: 'hot-item drain invariants', target: 'all hold', measured: invariantViolations.length ? `${invariantViolations.length} violations` : 'all hold', pass: invariantViolations.length === 0 },
    ],
  };
}

/**
 * The Artillery scenarios against the running API and workers, each on an item of its own. The
 * seed's load test runs twice: polling as the seed did, then paying with `Prefer: wait=10`. During
 * the opening spike a few buyers of the bench's own follow their orders on the stream (DESIGN §8
 * settle latency).
 */
async function runScenarios(bench: Bench, workDir: string): Promise<{ scenarios: ScenarioReport[]; settleLatency?: SettleLatency; checks: Check[] }> {
  const { db, redis } = bench;
  const scenarios: ScenarioReport[] = [];
  let settleLatency: SettleLatency | undefined;
  const runs = [
    { name: 'seed-load-test' as const, file: 'seed-load-test.yml', stock: sizes.seedStock, abandonRate: 0.2, opensInMs: 0 },
    { name: 'seed-load-test-wait' as const, file: 'seed-load-test.yml', stock: sizes.seedStock, abandonRate: 0.2, opensInMs: 0, payPrefer: 'wait=10' },
    { name: 'opening-spike' as const, file: 'opening-spike.yml', stock: sizes.spikeStock, abandonRate: 0, opensInMs: 3000 },
  ].filter((run) => args.scenario === 'all' || run.name.startsWith(args.scenario));
  for (const run of runs) {
    const availableAt = run.opensInMs ? new Date(Date.now() + run.opensInMs) : null;
    const item = await seedItem(db, redis, bench.sellerNum, { title: run.name, price: 1000, stock: run.stock, availableAt });
    log(`scenario ${run.name}: item ${item.itemNum} with ${run.stock} units${availableAt ? `, opening at ${availableAt.toISOString()}` : ''}`);
    const watching = run.name === 'opening-spike' ? watchSettlesDuringSpike(bench, availableAt, recordsFileOf(workDir, run.name)) : undefined;
    const { acceptedOrderNums, ...result } = await runScenario(
      { name: run.name, file: run.file, target: `http://127.0.0.1:${PORTS.api}`, buyers: bench.buyers, item, abandonRate: run.abandonRate, workDir, smoke: args.quick, payPrefer: run.payPrefer },
      (line) => log(`  ${run.name}: ${line}`),
    );
    if (watching) settleLatency = await watching;
    const drainSecondsAfterLoad = await waitUntilItemSettled(db, redis, item.itemNum);
    scenarios.push({
      ...result,
      drainSecondsAfterLoad,
      outcomes: await outcomesOf(db, item.itemNum),
      invariantViolations: await auditItemInvariants(db, item.itemNum, acceptedOrderNums),
    });
  }
  const checks = scenarios.flatMap((scenario) => {
    const intakeP99 = intakeP99Of(scenario);
    return [
      { name: `${scenario.name}: errors`, target: '0', measured: String(scenario.errors), pass: scenario.errors === 0 },
      { name: `${scenario.name}: invariants`, target: 'all hold', measured: scenario.invariantViolations.length ? `${scenario.invariantViolations.length} violations` : 'all hold', pass: scenario.invariantViolations.length === 0 },
      // With Prefer: wait a payment's answer waits for its settle on purpose: only entering is intake then.
      scenario.name === 'seed-load-test-wait'
        ? { name: `${scenario.name}: p99 of entering`, target: '< 100 ms', measured: `${scenario.byEndpoint.enter?.p99 ?? 0} ms`, pass: (scenario.byEndpoint.enter?.p99 ?? 0) < 100 }
        : { name: `${scenario.name}: p99 of intake (enter, pay)`, target: '< 100 ms', measured: `${intakeP99} ms`, pass: intakeP99 < 100 },
    ];
  });
  return { scenarios, settleLatency, checks: [...checks, ...waitChecks(scenarios), ...(settleLatency ? [settleLatencyCheck(settleLatency)] : [])] };
}

/** The bench's own buyers during the opening spike, from its first request on, on an item that does not sell out. */
async function watchSettlesDuringSpike(bench: Bench, opensAt: Date | null, spikeRecords: string): Promise<SettleLatency> {
  const item = await seedItem(bench.db, bench.redis, bench.sellerNum, { title: 'spike watchers', price: 1000, stock: sizes.spikeWatchers, availableAt: opensAt });
  await untilFileHasContent(spikeRecords, STARTUP_TIMEOUT_MS);
  return measureSettleLatencyDuringSpike(`http://127.0.0.1:${PORTS.api}`, item, bench.buyers.slice(-sizes.spikeWatchers), sizes.spikeWatchers, sizes.spikeWatchWindowMs);
}

function settleLatencyCheck(latency: SettleLatency): Check {
  return {
    name: 'opening spike: settle latency, 202 to the settled order on the stream',
    target: 'p99 < 500 ms',
    measured: `p50 ${latency.settleMs.p50} ms, p99 ${latency.settleMs.p99} ms (${latency.settleMs.count} buyers${latency.unanswered ? `, ${latency.unanswered} never told` : ''})`,
    pass: latency.unanswered === 0 && latency.settleMs.count > 0 && latency.settleMs.p99 < 500,
  };
}

/** The seed's load test paying with Prefer: wait=10 beside the polling run: payments answered settled, requests saved. */
function waitChecks(scenarios: ScenarioReport[]): Check[] {
  const polling = scenarios.find((s) => s.name === 'seed-load-test');
  const waiting = scenarios.find((s) => s.name === 'seed-load-test-wait');
  if (!waiting) return [];
  const pays = waiting.byEndpoint.pay;
  const settled = pays?.statuses['200'] ?? 0;
  const share = pays ? settled / pays.count : 0;
  return [
    {
      name: 'seed-load-test with Prefer: wait=10: payments answered 200 settled',
      target: '≥ 99%',
      measured: `${(100 * share).toFixed(1)}% (${settled} of ${pays?.count ?? 0}; pay p99 ${pays?.p99 ?? 0} ms)`,
      pass: share >= 0.99,
    },
    ...(polling
      ? [
          {
            name: 'seed-load-test: requests saved by Prefer: wait=10',
            target: 'fewer requests',
            measured: `${polling.requests - waiting.requests} of ${polling.requests} (${((100 * (polling.requests - waiting.requests)) / polling.requests).toFixed(0)}%)`,
            pass: waiting.requests < polling.requests,
          },
        ]
      : []),
  ];
}

/** A process of the service with its inspector's port, through which the bench has it collect its garbage before reading its memory. */
interface ServiceProcess {
  running: BenchProcess;
  inspectPort: number;
}

function startServiceProcess(name: string, module: string, nodeFlags: string[], inspectPort: number): ServiceProcess {
  return { running: BenchProcess.start(name, module, serviceEnv, [...nodeFlags, inspectPortArg(inspectPort)]), inspectPort };
}

/** The process as collect-garbage.ts reaches it, given as long to settle as this run's size allows. */
const inspectable = ({ running, inspectPort }: ServiceProcess) => ({ pid: running.child.pid!, inspectPort, steadyMs: sizes.rssSteadyMs });

/** DESIGN §8 soak: the seed's load test again and again against the running API and workers. */
function measureSoak(bench: Bench, workDir: string, service: ServiceProcess[]): Promise<SoakReport> {
  return runSoak({
    ...bench,
    processes: Object.fromEntries(service.map((serviceProcess) => [serviceProcess.running.name, inspectable(serviceProcess)])),
    runs: sizes.soakRuns,
    stock: sizes.seedStock,
    scenario: { file: 'seed-load-test.yml', target: `http://127.0.0.1:${PORTS.api}`, buyers: bench.buyers.slice(0, sizes.soakBuyers), abandonRate: 0.2, workDir, smoke: args.quick },
    log,
  });
}

/** DESIGN §8: open order streams on the bench's API process, and how soon a settle reaches them. */
async function measureStreams(bench: Bench, apiProcess: ServiceProcess): Promise<{ openStreams: OpenStreams; checks: Check[] }> {
  const item = await seedItem(bench.db, bench.redis, bench.sellerNum, { title: 'open streams', price: 1000, stock: sizes.openStreams });
  const warmUp = await seedItem(bench.db, bench.redis, bench.sellerNum, { title: 'open streams warm-up', price: 1000, stock: sizes.openStreams });
  log(`open streams: ${sizes.openStreams} on one API process`);
  const openStreams = await measureOpenStreams(bench, `http://127.0.0.1:${PORTS.api}`, inspectable(apiProcess), { measured: item, warmUp }, bench.buyers, sizes.openStreams);
  await waitUntilItemSettled(bench.db, bench.redis, item.itemNum);
  return {
    openStreams,
    checks: [
      { name: `${openStreams.streams} open streams: RSS per stream`, target: '≤ 10 KB', measured: `${openStreams.kibPerStream.toFixed(1)} KiB (${openStreams.rssBeforeMiB.toFixed(0)} → ${openStreams.rssAfterMiB.toFixed(0)} MiB)`, pass: openStreams.kibPerStream <= 10 },
      {
        name: `${openStreams.streams} open streams: settle to its event`,
        target: 'p99 < 100 ms',
        measured: `p50 ${openStreams.settleToEventMs.p50} ms, p99 ${openStreams.settleToEventMs.p99} ms${openStreams.unanswered ? `, ${openStreams.unanswered} never told` : ''} (the bench's event loop late by up to ${openStreams.clientLoopDelayMs.p99} ms, p99; drain ${openStreams.drainMs} ms, CPU per stream: API ${openStreams.apiCpuUsPerStream} µs (+${openStreams.apiCloseCpuUsPerStream} µs at the clients' close), bench ${openStreams.clientCpuUsPerStream} µs; cores busy ${openStreams.machineCpu.busyPercent}%, steal ${openStreams.machineCpu.stealPercent}%)`,
        pass: openStreams.unanswered === 0 && openStreams.settleToEventMs.p99 < 100,
      },
    ],
  };
}

/** DESIGN §12: the capacity knee of `npm start` with 1 and 2 API processes, of the seed design and of the HTTP ceiling, in one run. */
async function measureCapacity(bench: Bench): Promise<{ capacity: NonNullable<BenchReport['capacity']>; checks: Check[] }> {
  const plan: StepPlan[] = sizes.capacity;
  const capacityBench: CapacityBench = {
    db: bench.db,
    redis: bench.redis,
    sellerNum: bench.sellerNum,
    buyers: bench.buyers,
    plan,
    kinds: capacityKinds,
    serviceEnv: { ...serviceEnv, PORT: String(PORTS.capacity) },
    seedDesignOrigin: `http://127.0.0.1:${PORTS.seedDesign}`,
    bareOrigin: `http://127.0.0.1:${PORTS.bare}`,
    log,
  };
  const runs: CapacityRun[] = [
    ...(await measureOurCapacity(capacityBench, 1, sizes.capacityWorkers)),
    ...(await measureOurCapacity(capacityBench, 2, sizes.capacityWorkers)),
    ...(await measureSeedDesignCapacity(capacityBench)),
    ...(await measureHttpCeilingCapacity(capacityBench)),
  ];
  const checks = capacityKinds.flatMap((kind) => {
    const kneeOf = (target: string) => runs.find((run) => run.kind === kind && run.target === target)!.kneePerSecond;
    const [one, two, seed, ceiling] = [kneeOf(ourTarget(1)), kneeOf(ourTarget(2)), kneeOf(SEED_DESIGN_TARGET), kneeOf(HTTP_CEILING_TARGET)];
    const violations = runs.filter((run) => run.kind === kind).flatMap((run) => run.invariantViolations ?? []);
    return [
      {
        name: `capacity, ${kind}: one API process vs seed design`,
        target: '≥ 4×',
        measured: `${seed ? `${(one / seed).toFixed(1)}×` : 'seed held no step'} (${one} vs ${seed} arrivals/s; 2 API processes: ${two}/s; HTTP ceiling: ${ceiling}/s${seed ? `, ${(ceiling / seed).toFixed(1)}× the seed design` : ''})`,
        pass: seed > 0 && one >= 4 * seed,
      },
      { name: `capacity, ${kind}: invariants`, target: 'all hold', measured: violations.length ? `${violations.length} violations` : 'all hold', pass: violations.length === 0 },
    ];
  });
  return { capacity: { plan, runs }, checks };
}

async function main(): Promise<void> {
  const config: Config = loadConfig(serviceEnv);
  if (wants('seed-load-test') || wants('opening-spike') || wants('soak')) ensureArtilleryInstalled(log);
  const outDir = args.out;
  const workDir = path.join(outDir, 'tmp');
  mkdirSync(workDir, { recursive: true });

  log(`fresh database ${config.databaseUrl} and Redis prefix ${config.redisPrefix}`);
  await recreateDatabase(config);
  await deleteKeysUnderPrefix(config);
  const db = createDb(config);
  // Patient: it enters thousands of orders at once for the drains, more than a second's worth of
  // Redis's work at times, which a fail-fast client (a buyer's request's) would time out.
  const redis = createRedis(config, 'patient');
  await redis.connect();
  const orderQueues = createOrderQueues(config);

  // The API and workers serve the parts before the capacity knee, which starts `npm start` itself.
  const needsService = wants('http') || wants('hot-item') || wants('seed-load-test') || wants('opening-spike') || wants('order-streams') || wants('soak');
  const needsBare = wants('http') || wants('capacity');
  if (needsBare) BenchProcess.start('bare', 'bench/baselines/bare-express', { PORT: String(PORTS.bare), PLAIN_PORT: String(PORTS.plainBare) });
  BenchProcess.start('seed-design', 'bench/baselines/seed-design-server', { PORT: String(PORTS.seedDesign), DATABASE_URL: config.databaseUrl });
  const service = needsService
    ? [
        // Their inspectors (opened only when the order-streams and soak parts measure memory) let the bench make them collect garbage.
        startServiceProcess('api', 'api/main', API_NODE_FLAGS, PORTS.apiInspector),
        ...Array.from({ length: Number(args.workers) }, (_, i) => startServiceProcess(`worker-${i + 1}`, 'worker/main', WORKER_NODE_FLAGS, PORTS.workerInspectors + i)),
      ]
    : [];
  try {
    // Generous: on a busy machine starting a few processes through tsx takes tens of seconds.
    await Promise.all([
      ...(needsBare ? [waitUntilUp(`http://127.0.0.1:${PORTS.bare}/health`, STARTUP_TIMEOUT_MS)] : []),
      waitUntilUp(`http://127.0.0.1:${PORTS.seedDesign}/health`, STARTUP_TIMEOUT_MS),
      ...(needsService ? [waitUntilUp(`http://127.0.0.1:${PORTS.api}/ready`, STARTUP_TIMEOUT_MS)] : []),
    ]);
    const machine = await machineOf(db, redis);
    log(`${needsService ? `service up with ${args.workers} workers` : 'baselines up'} on ${machine.cores} cores; seeding ${sizes.buyers} buyers`);
    const [seller] = await seedUsers(db, config, 'SELLER', 1, 'run');
    const bench: Bench = { config, db, redis, orderQueues, sellerNum: seller.userNum, buyers: await seedUsers(db, config, 'BUYER', sizes.buyers, 'run') };

    const checks: Check[] = [];
    const report: BenchReport = {
      date: new Date().toISOString().slice(0, 10),
      scenario: args.quick ? `${args.scenario}-quick` : args.scenario,
      command: `npm run bench -- --scenario ${args.scenario}${args.quick ? ' --quick' : ''}`,
      machine,
      settings: { workers: Number(args.workers), connections: sizes.connections, secondsPerRun: sizes.seconds, runs: sizes.runs, drainBatchSize: config.drainBatchSize, queuePartitions: config.queuePartitions, buyers: sizes.buyers },
      scenarios: [],
      checks,
    };
    if (wants('http')) {
      const { http, checks: passed } = await measureHttp(bench);
      report.http = http;
      checks.push(...passed);
    }
    if (wants('hot-item')) {
      const { hotItem, checks: passed } = await measureHotItem(bench, hotItemCpuRoles(bench, service));
      report.hotItem = hotItem;
      checks.push(...passed);
    }
    const { scenarios, settleLatency, checks: scenarioChecks } = await runScenarios(bench, workDir);
    report.scenarios = scenarios;
    report.settleLatency = settleLatency;
    checks.push(...scenarioChecks);
    if (wants('order-streams')) {
      const { openStreams, checks: passed } = await measureStreams(bench, service[0]);
      report.openStreams = openStreams;
      checks.push(...passed);
    }
    if (wants('soak')) {
      report.soak = await measureSoak(bench, workDir, service);
      checks.push(...soakChecks(report.soak));
    }
    await Promise.all(service.map(({ running }) => running.stop()));
    if (wants('capacity')) {
      const { capacity, checks: passed } = await measureCapacity(bench);
      report.capacity = capacity;
      checks.push(...passed);
    }
    for (const file of await writeReport(outDir, report)) log(`wrote ${file}`);
    for (const check of checks) log(`${check.pass ? 'pass' : 'FAIL'}  ${check.name}: ${check.measured} (target ${check.target})`);
  } finally {
    await BenchProcess.stopAll();
    await orderQueues.close();
    await redis.quit();
    await db.destroy();
  }
}

// Stopped from outside (Ctrl-C, a test's timeout): no server of ours stays behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the processes the bench started`);
    void BenchProcess.stopAll().finally(() => process.exit(1));
  });
}

main().catch((error: Error) => {
  log(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
