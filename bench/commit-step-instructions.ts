import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs, promisify } from 'node:util';
import { loadConfig } from '../shared/config';
import { createDb } from '../shared/db';
import { applyLineBatch } from '../shared/orders/apply-line-batch';
import { readLineHead } from '../shared/orders/dead-entries';
import { parseLineEntry } from '../shared/orders/line-entries';
import { createLogger } from '../shared/logger';
import { createRedis } from '../shared/redis';
import { recreateDatabase } from '../testkit/fresh-state';
import { enterAndPayInRedis } from '../testkit/orders-in-redis';
import { commitLineBatch } from '../worker/commit-line-batch';
import { median } from './load';
import { seedItem, seedUsers } from './seed-data';
import { benchServiceEnv } from './service-env';

/**
 * Instructions Redis runs for the drain's commit step (commit-line-batch.lua) an order, counted by
 * valgrind's callgrind on a Redis server of this run's own with counting on only around each step:
 * unlike seconds, the count does not move with what else the two shared cores are doing, so a
 * change to the step can be measured on its own (the hot-item drain's ratio to the bare MySQL limit
 * moves by ±8 points between runs, and Redis's step is the part of the drain's CPU that weighs most
 * there: README, Performance). Each batch is entered and paid through the API's Lua steps and
 * applied in MySQL as a worker does, uncounted. Needs valgrind.
 *
 *   npm run build && node dist/bench/commit-step-instructions.js --batches 5 --orders 500
 */
const { values: args } = parseArgs({
  options: {
    batches: { type: 'string', default: '5' },
    orders: { type: 'string', default: '500' },
    port: { type: 'string', default: '18196' },
    'database-url': { type: 'string', default: 'mysql://root@127.0.0.1:3306/reservation_purchase_bench' },
    /** Keep callgrind's output there, for callgrind_annotate. */
    out: { type: 'string' },
  },
});
const batches = Number(args.batches);
const ordersPerBatch = Number(args.orders);
const run = promisify(execFile);

async function main(): Promise<void> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'commit-step-'));
  const outFile = args.out ? path.resolve(args.out) : path.join(workDir, 'callgrind.out');
  const env = { ...benchServiceEnv({ port: 0, databaseUrl: args['database-url'], redisUrl: `redis://127.0.0.1:${args.port}`, redisPrefix: 'rpstep:' }), ORDER_RATE_LIMIT: '1000000' };
  const config = { ...loadConfig(env), drainBatchSize: 2 * ordersPerBatch };
  const redisServer = spawn('valgrind', ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${outFile}`, 'redis-server', '--port', args.port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const counting = (on: boolean) => run('callgrind_control', ['-i', on ? 'on' : 'off', String(redisServer.pid)]);
  await waitForPort(redisServer, Number(args.port)).catch((error: unknown) => {
    redisServer.kill('SIGTERM');
    throw error;
  });
  const db = createDb(config);
  const redis = createRedis(config, 'patient');
  const logger = createLogger(config, 'bench');
  const perOrder: number[] = [];
  try {
    await recreateDatabase(config);
    const [seller] = await seedUsers(db, config, 'SELLER', 1, 'step');
    const buyers = await seedUsers(db, config, 'BUYER', ordersPerBatch, 'step');
    const policy = { failureRate: config.paymentFailureRate, random: Math.random };
    for (let batch = 0; batch <= batches; batch++) {
      const item = await seedItem(db, redis, seller.userNum, { title: `step ${batch}`, price: 1000, stock: ordersPerBatch });
      await Promise.all(buyers.map((buyer) => enterAndPayInRedis(config, redis, item, buyer)));
      const { entries } = await readLineHead(redis, item.itemNum, 2 * ordersPerBatch);
      const outcome = await applyLineBatch(db, item.itemNum, entries.map(parseLineEntry), policy);
      // The first step loads the script (EVAL after NOSCRIPT): not counted.
      if (batch > 0) await counting(true);
      await commitLineBatch({ config, db, redis, logger }, item.itemNum, entries, outcome);
      if (batch === 0) continue;
      await counting(false);
      perOrder.push((await instructionsOfDump(redisServer.pid!, outFile, batch)) / ordersPerBatch);
      process.stderr.write(`batch ${batch}/${batches}: ${Math.round(perOrder.at(-1)!)} instructions an order\n`);
    }
    console.log(`commit step (commit-line-batch.lua), ${ordersPerBatch} orders a batch, each entered and paid: ${Math.round(median(perOrder))} instructions an order (median of ${batches} batches)`);
    if (args.out) console.log(`callgrind output: ${outFile} (callgrind_annotate ${outFile})`);
  } finally {
    redis.disconnect();
    await db.destroy();
    redisServer.kill('SIGTERM');
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Redis under valgrind takes seconds to listen. */
async function waitForPort(server: ChildProcess, port: number): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error(`valgrind redis-server exited with ${server.exitCode}`);
    const listening = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false));
      socket.unref();
      setTimeout(() => socket.destroy(), 100).unref();
    });
    if (listening) return;
    await sleep(500);
  }
  throw new Error('the Redis server under valgrind did not listen');
}

/** The instructions counted since the last dump: callgrind writes dump `n` (callgrind_control -d) to `<outFile>.<n>` and counts again from zero. */
async function instructionsOfDump(pid: number, outFile: string, n: number): Promise<number> {
  await run('callgrind_control', ['-d', String(pid)]);
  const totals = /^totals: (\d+)/m.exec(readFileSync(`${outFile}.${n}`, 'utf8'));
  if (!totals) throw new Error(`no instruction count in ${outFile}.${n}`);
  return Number(totals[1]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
