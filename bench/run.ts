import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../shared/config';
import { createDb, type Db } from '../shared/db';
import { createOrderQueues, partitionOf, type OrderQueues } from '../shared/queue';
import { createRedis } from '../shared/redis';
import { redisKeys } from '../shared/redis-keys';
import { ensureArtilleryInstalled } from './artillery';
import { auditItemInvariants } from './audit';
import { measureHotItemDrain } from './drain';
import { deleteKeysUnderPrefix, recreateDatabase } from './fresh-state';
import { measure, median, type LoadResult } from './load';
import { measureBareBatchStatements } from './mysql-limit';
import { BenchProcess, PROJECT_ROOT, waitUntilUp } from './processes';
import { writeReport, type BenchReport, type Check, type ScenarioReport } from './report';
import { runScenario } from './scenarios';
import { seedItem, seedUsers, type BenchUser } from './seed-data';

const PORTS = { api: 18180, bare: 18190, seedDesign: 18191 };
const SETTLED = ['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED'];

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
  },
});

const sizes = args.quick
  ? { runs: 1, seconds: 1, connections: 20, drainOrders: 400, mysqlBatches: 5, buyers: 40, seedStock: 20, spikeStock: 20 }
  : { runs: 3, seconds: 5, connections: 50, drainOrders: 20_000, mysqlBatches: 200, buyers: 10_000, seedStock: 2_000, spikeStock: 1_000 };

const serviceEnv: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  PORT: String(PORTS.api),
  DATABASE_URL: args['database-url'],
  REDIS_URL: args['redis-url'],
  REDIS_PREFIX: args['redis-prefix'],
  JWT_SECRET: 'bench-only-secret-not-for-production',
  LOG_LEVEL: 'warn',
  ITEM_BACKLOG_LIMIT: '0',
  ORDER_TTL: '3600',
  // The limits still count every request; they are only set so high that one load generator
  // (one IP, a few buyers hammering) is not stopped by them.
  ORDER_RATE_LIMIT: '1000000',
  AUTH_RATE_LIMIT_PER_IP: '1000000',
  ...(args['drain-batch-size'] ? { DRAIN_BATCH_SIZE: args['drain-batch-size'] } : {}),
};

const startedAt = Date.now();
const log = (message: string) => process.stderr.write(`[bench +${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)}s] ${message}\n`);

async function machineOf(db: Db, redis: ReturnType<typeof createRedis>) {
  const [[{ version }]] = await db.raw('SELECT VERSION() AS version');
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

const SETTLE_TIMEOUT_MS = 10 * 60_000;

/**
 * Seconds until the item's line is empty and, unless `paidOnly` is false, every order of it is
 * settled in MySQL (orders entered but never paid stay INITIATED until ORDER_TTL).
 */
async function waitUntilItemSettled(db: Db, redis: ReturnType<typeof createRedis>, itemNum: number, everyOrderPaid = true): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < SETTLE_TIMEOUT_MS) {
    const [{ open }] = await db('orders')
      .where({ item_id: itemNum })
      .whereNotIn('status', everyOrderPaid ? SETTLED : [...SETTLED, 'INITIATED'])
      .count<{ open: number }[]>({ open: '*' });
    const line = await redis.llen(redisKeys.itemLine(itemNum));
    if (Number(open) === 0 && line === 0) return (Date.now() - started) / 1000;
    await sleep(100);
  }
  throw new Error(`item ${itemNum} did not settle within ${SETTLE_TIMEOUT_MS / 1000} s`);
}

async function outcomesOf(db: Db, itemNum: number): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await db('orders').where({ item_id: itemNum }).groupBy('status').select('status').count({ n: '*' });
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/**
 * The intake item's partition is paused meanwhile: the API's acceptance rate is measured, not how
 * 2 cores split between the API and workers draining at once; the line drains afterwards.
 */
async function measureHttp(
  config: Config,
  orderQueues: OrderQueues,
  buyer: BenchUser,
  intakeItem: { itemNum: number; price: number },
  soldOutItem: { itemNum: number; price: number },
) {
  const intakePartition = orderQueues.queues[partitionOf(intakeItem.itemNum, config.queuePartitions)]!;
  await intakePartition.pause();
  const order = (item: { itemNum: number; price: number }) => ({
    url: `http://127.0.0.1:${PORTS.api}/api/v1/orders`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${buyer.token}` },
    body: JSON.stringify({ buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price }),
  });
  const results = { bare: [] as LoadResult[], intake: [] as LoadResult[], soldOut: [] as LoadResult[] };
  for (let run = 1; run <= sizes.runs; run++) {
    log(`HTTP run ${run}/${sizes.runs}: bare Express`);
    // The ceiling gets the very request the API gets (same header and body to parse).
    results.bare.push(await measure({ ...order(soldOutItem), url: `http://127.0.0.1:${PORTS.bare}/bare` }, sizes.connections, sizes.seconds));
    log(`HTTP run ${run}/${sizes.runs}: POST /orders accepted`);
    results.intake.push(await measure(order(intakeItem), sizes.connections, sizes.seconds));
    log(`HTTP run ${run}/${sizes.runs}: POST /orders sold out`);
    results.soldOut.push(await measure(order(soldOutItem), sizes.connections, sizes.seconds));
  }
  await intakePartition.resume();
  const rate = (runs: LoadResult[]) => median(runs.map((r) => r.requestsPerSecond));
  return { ...results, medians: { bare: rate(results.bare), intake: rate(results.intake), soldOut: rate(results.soldOut) } };
}

async function main(): Promise<void> {
  const config: Config = loadConfig(serviceEnv);
  ensureArtilleryInstalled(log);
  const outDir = args.out;
  const workDir = path.join(outDir, 'tmp');
  mkdirSync(workDir, { recursive: true });

  log(`fresh database ${config.databaseUrl} and Redis prefix ${config.redisPrefix}`);
  await recreateDatabase(config);
  await deleteKeysUnderPrefix(config);
  const db = createDb(config);
  const redis = createRedis(config);
  await redis.connect();
  const orderQueues = createOrderQueues(config);

  const processes = [
    BenchProcess.start('bare', 'bench/baselines/bare-express', { PORT: String(PORTS.bare) }),
    BenchProcess.start('seed-design', 'bench/baselines/seed-design-server', { PORT: String(PORTS.seedDesign), DATABASE_URL: config.databaseUrl }),
    BenchProcess.start('api', 'api/main', serviceEnv),
    ...Array.from({ length: Number(args.workers) }, (_, i) => BenchProcess.start(`worker-${i + 1}`, 'worker/main', serviceEnv)),
  ];
  try {
    await Promise.all([
      waitUntilUp(`http://127.0.0.1:${PORTS.bare}/health`),
      waitUntilUp(`http://127.0.0.1:${PORTS.seedDesign}/health`),
      waitUntilUp(`http://127.0.0.1:${PORTS.api}/ready`),
    ]);
    const machine = await machineOf(db, redis);
    log(`service up with ${args.workers} workers on ${machine.cores} cores; seeding ${sizes.buyers} buyers`);
    const [seller] = await seedUsers(db, config, 'SELLER', 1, 'run');
    const buyers = await seedUsers(db, config, 'BUYER', sizes.buyers, 'run');
    const intakeItem = await seedItem(db, redis, seller!.userNum, { title: 'intake', price: 1000, stock: 100_000_000 });
    const soldOutItem = await seedItem(db, redis, seller!.userNum, { title: 'sold out', price: 1000, stock: 0 });

    const http = await measureHttp(config, orderQueues, buyers[0]!, intakeItem, soldOutItem);
    await waitUntilItemSettled(db, redis, intakeItem.itemNum, false);

    const drains = [];
    const drainViolations: string[] = [];
    for (let run = 1; run <= sizes.runs; run++) {
      log(`hot item run ${run}/${sizes.runs}: draining ${sizes.drainOrders} orders of one item`);
      const hotItem = await seedItem(db, redis, seller!.userNum, { title: `hot ${run}`, price: 1000, stock: sizes.drainOrders / 2 });
      const { orderNums, ...drain } = await measureHotItemDrain(config, redis, orderQueues, hotItem, buyers, sizes.drainOrders);
      drains.push(drain);
      await waitUntilItemSettled(db, redis, hotItem.itemNum);
      drainViolations.push(...(await auditItemInvariants(db, hotItem.itemNum, orderNums)));
    }
    await db.raw('INSERT INTO seed_stocks (item_id, quantity) VALUES (1, 100000000)');
    const seedDesign: LoadResult[] = [];
    for (let run = 1; run <= sizes.runs; run++) {
      log(`hot item run ${run}/${sizes.runs}: seed design, one locking transaction per order`);
      seedDesign.push(
        await measure(
          { url: `http://127.0.0.1:${PORTS.seedDesign}/api/v1/orders`, method: 'POST', body: '{"buyerNum":1,"itemNum":1,"quantity":1,"price":1000}' },
          64,
          sizes.seconds,
        ),
      );
    }
    const ordersPerBatch = Math.floor(config.drainBatchSize / 2);
    log(`limit: bare MySQL batch statements, ${ordersPerBatch} orders a batch`);
    const limitItem = await seedItem(db, redis, seller!.userNum, { title: 'limit', price: 1000, stock: 100_000_000 });
    const bareMysqlBatches = [];
    for (let run = 1; run <= sizes.runs; run++) {
      bareMysqlBatches.push({ ordersPerBatch, ...(await measureBareBatchStatements(db, limitItem.itemNum, buyers[0]!.userNum, ordersPerBatch, sizes.mysqlBatches)) });
    }

    const scenarios: ScenarioReport[] = [];
    const runs = [
      { name: 'seed-load-test', file: 'seed-load-test.yml', stock: sizes.seedStock, abandonRate: 0.2, opensInMs: 0 },
      { name: 'opening-spike', file: 'opening-spike.yml', stock: sizes.spikeStock, abandonRate: 0, opensInMs: 3000 },
    ].filter((run) => args.scenario === 'all' || run.name.startsWith(args.scenario!));
    for (const run of runs) {
      const availableAt = run.opensInMs ? new Date(Date.now() + run.opensInMs) : null;
      const item = await seedItem(db, redis, seller!.userNum, { title: run.name, price: 1000, stock: run.stock, availableAt });
      log(`scenario ${run.name}: item ${item.itemNum} with ${run.stock} units${availableAt ? `, opening at ${availableAt.toISOString()}` : ''}`);
      const { acceptedOrderNums, ...result } = await runScenario(
        { name: run.name, file: run.file, target: `http://127.0.0.1:${PORTS.api}`, buyers, item, abandonRate: run.abandonRate, workDir, smoke: args.quick },
        (line) => log(`  ${run.name}: ${line}`),
      );
      const drainSecondsAfterLoad = await waitUntilItemSettled(db, redis, item.itemNum);
      scenarios.push({
        ...result,
        drainSecondsAfterLoad,
        outcomes: await outcomesOf(db, item.itemNum),
        invariantViolations: await auditItemInvariants(db, item.itemNum, acceptedOrderNums),
      });
    }

    const medians = {
      drain: median(drains.map((d) => d.ordersPerSecond)),
      seedDesign: median(seedDesign.map((r) => r.requestsPerSecond)),
      bareMysql: median(bareMysqlBatches.map((b) => b.ordersPerSecond)),
    };
    const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}% (${part.toFixed(0)} vs ${whole.toFixed(0)} req/s)`;
    const checks: Check[] = [
      { name: 'intake vs bare Express', target: '≥ 50%', measured: percent(http.medians.intake, http.medians.bare), pass: http.medians.intake >= 0.5 * http.medians.bare },
      { name: 'sold-out answers vs bare Express', target: '≥ 80%', measured: percent(http.medians.soldOut, http.medians.bare), pass: http.medians.soldOut >= 0.8 * http.medians.bare },
      {
        name: 'hot-item drain vs seed design',
        target: '≥ 10×',
        measured: `${(medians.drain / medians.seedDesign).toFixed(1)}× (${medians.drain.toFixed(0)} vs ${medians.seedDesign.toFixed(0)} orders/s)`,
        pass: medians.drain >= 10 * medians.seedDesign,
      },
      { name: 'hot-item drain invariants', target: 'all hold', measured: drainViolations.length ? `${drainViolations.length} violations` : 'all hold', pass: drainViolations.length === 0 },
      ...scenarios.flatMap((scenario) => {
        const intakeP99 = Math.max(scenario.byEndpoint.enter?.p99 ?? 0, scenario.byEndpoint.pay?.p99 ?? 0);
        return [
          { name: `${scenario.name}: errors`, target: '0', measured: String(scenario.errors), pass: scenario.errors === 0 },
          { name: `${scenario.name}: invariants`, target: 'all hold', measured: scenario.invariantViolations.length ? `${scenario.invariantViolations.length} violations` : 'all hold', pass: scenario.invariantViolations.length === 0 },
          { name: `${scenario.name}: p99 of intake (enter, pay)`, target: '< 100 ms', measured: `${intakeP99} ms`, pass: intakeP99 < 100 },
        ];
      }),
    ];
    const report: BenchReport = {
      date: new Date().toISOString().slice(0, 10),
      scenario: args.quick ? `${args.scenario}-quick` : args.scenario!,
      command: `npm run bench -- --scenario ${args.scenario}${args.quick ? ' --quick' : ''}`,
      machine,
      settings: { workers: Number(args.workers), connections: sizes.connections, secondsPerRun: sizes.seconds, runs: sizes.runs, drainBatchSize: config.drainBatchSize, queuePartitions: config.queuePartitions, buyers: sizes.buyers },
      http,
      hotItem: { drain: drains, seedDesign, bareMysqlBatches, medians, invariantViolations: drainViolations },
      scenarios,
      checks,
    };
    for (const file of writeReport(outDir, report)) log(`wrote ${file}`);
    for (const check of checks) log(`${check.pass ? 'pass' : 'FAIL'}  ${check.name}: ${check.measured} (target ${check.target})`);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await orderQueues.close();
    await redis.quit();
    await db.destroy();
  }
}

main().catch((error: Error) => {
  log(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
