import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { loadConfig } from '../shared/config';
import { createDb } from '../shared/db';
import { orderScripts } from '../shared/orders/order-scripts';
import { createRedis } from '../shared/redis';
import { recreateDatabase } from '../testkit/fresh-state';
import { ADMIN, ADMIN_AUTH, cpuMeterOf } from './capacity';
import { median } from './load';
import { runOpenModel, type StepResult } from './open-model';
import { BenchProcess, waitUntilUp } from './processes';
import { seedItem, seedUsers } from './seed-data';
import { benchServiceEnv } from './service-env';

/**
 * CPU per arrival (an order entered and paid) of one API process and of Redis, for work on the
 * hot path's cost: `npm start` with API_PROCESSES=1 as the capacity knee runs it, a Redis server of this run's
 * own (so that its INFO cpu and commandstats are this load's alone), open-model arrivals at one
 * fixed rate, a warm-up, then several runs and their medians. CPU time per arrival barely moves
 * with other load on the machine, unlike latency. Every arrival is a buyer not seen before (a new
 * token to verify, as at a drop). `--cpu-prof DIR` writes V8 CPU profiles there, one per process
 * (the API process's is the largest).
 *
 *   npm run build && node dist/bench/cpu-per-arrival.js --rate 600 --seconds 10 --runs 3
 */
const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '600' },
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string', default: '2' },
    'log-level': { type: 'string', default: 'warn' },
    'port-base': { type: 'string', default: '18180' },
    'database-url': { type: 'string', default: 'mysql://root@127.0.0.1:3306/reservation_purchase_bench' },
    'cpu-prof': { type: 'string' },
    /** Time every Redis command (SLOWLOG at 0 µs) to split EVALSHA's cost by script; slows Redis a little. */
    'per-script': { type: 'boolean', default: false },
  },
});
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const runs = Number(args.runs);
const portBase = Number(args['port-base']);
const redisPort = portBase + 5;
const arrivalsPerRun = Math.round(rate * seconds);
const warmUp = { rate, seconds: Math.min(seconds, 3) };

const log = (message: string) => process.stderr.write(`${message}\n`);
/** calls and µs of every command Redis ran (those a script runs included) since the last CONFIG RESETSTAT. */
async function commandStats(redis: Redis): Promise<{ command: string; calls: number; usec: number }[]> {
  const info = await redis.info('commandstats');
  return [...info.matchAll(/^cmdstat_(\S+?):calls=(\d+),usec=(\d+)/gm)].map(([, command, calls, usec]) => ({ command, calls: Number(calls), usec: Number(usec) }));
}

/** µs per arrival of each script run by EVALSHA, named where it is one of ours, from SLOWLOG entries at 0 µs. */
async function scriptCosts(redis: Redis, arrivals: number): Promise<string[]> {
  const names = new Map(Object.entries(orderScripts).map(([name, script]) => [script.sha, name]));
  const entries = (await redis.call('SLOWLOG', 'GET', '-1')) as [number, number, number, string[]][];
  const bySha = new Map<string, { calls: number; usec: number }>();
  for (const [, , usec, command] of entries) {
    if (String(command[0]).toLowerCase() !== 'evalsha') continue;
    const name = names.get(command[1]) ?? `script ${command[1].slice(0, 8)}`;
    const total = bySha.get(name) ?? { calls: 0, usec: 0 };
    bySha.set(name, { calls: total.calls + 1, usec: total.usec + usec });
  }
  return [...bySha].sort((a, b) => b[1].usec - a[1].usec).map(([name, { calls, usec }]) => `  ${name}: ${calls} calls, ${(usec / calls).toFixed(1)} µs/call, ${(usec / arrivals).toFixed(1)} µs/arrival`);
}

function startRedisServer(): ChildProcess {
  return spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const env = { ...benchServiceEnv({ port: portBase, databaseUrl: args['database-url'], redisUrl, redisPrefix: 'rpcpu:' }), LOG_LEVEL: args['log-level'] };
  const config = loadConfig(env);
  const redisServer = startRedisServer();
  const db = createDb(config);
  const redis = createRedis(config);
  const services: BenchProcess[] = [];
  try {
    await recreateDatabase(config);
    await redis.connect();
    const profileDir = args['cpu-prof'] && path.resolve(args['cpu-prof']);
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const serviceEnv = { ...env, ...ADMIN, API_PROCESSES: '1', WORKER_PROCESSES: args.workers, WORKER_METRICS_PORT: '0' };
    services.push(BenchProcess.start('npm start', 'start', serviceEnv, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []));
    await waitUntilUp(`http://127.0.0.1:${portBase}/metrics`, 90_000, ADMIN_AUTH);
    const [seller] = await seedUsers(db, config, 'SELLER', 1, 'cpu');
    const buyers = await seedUsers(db, config, 'BUYER', Math.round(warmUp.rate * warmUp.seconds) + runs * arrivalsPerRun, 'cpu');
    const item = await seedItem(db, redis, seller.userNum, { title: 'cpu per arrival', price: 1000, stock: 100_000_000 });
    const origin = `http://127.0.0.1:${portBase}`;
    const meter = cpuMeterOf(origin, redis);
    let nextBuyer = 0;
    const runOnce = async (plan: { rate: number; seconds: number }): Promise<StepResult> => {
      const mine = buyers.slice(nextBuyer, (nextBuyer += Math.round(plan.rate * plan.seconds)));
      const { steps } = await runOpenModel({ origin, buyers: mine, item, cpuMeter: meter }, [plan], () => {});
      return steps[0];
    };
    log(`warm-up: ${warmUp.rate} arrivals/s for ${warmUp.seconds} s`);
    await runOnce(warmUp);
    if (args['per-script']) {
      await redis.config('SET', 'slowlog-max-len', String(8 * arrivalsPerRun));
      await redis.config('SET', 'slowlog-log-slower-than', '0');
    }
    const results: StepResult[] = [];
    for (let run = 1; run <= runs; run++) {
      await redis.config('RESETSTAT');
      if (args['per-script']) await redis.call('SLOWLOG', 'RESET');
      const step = await runOnce({ rate, seconds });
      results.push(step);
      const cpu = step.cpuMsPerArrival!;
      log(
        `run ${run}: ${step.arrivals} arrivals at ${rate}/s: API ${cpu.api.toFixed(3)} ms CPU/arrival, Redis ${cpu.redis.toFixed(3)} ms CPU/arrival; ` +
          `p99 ${step.latencyMs.p99.toFixed(1)} ms, ${step.errors} errors, statuses enter ${JSON.stringify(step.byEndpoint.enter.statuses)} pay ${JSON.stringify(step.byEndpoint.pay.statuses)}`,
      );
      const stats = (await commandStats(redis)).sort((a, b) => b.usec - a.usec).slice(0, 12);
      log(`  Redis commands (µs per arrival, calls per arrival): ${stats.map((s) => `${s.command} ${(s.usec / step.arrivals).toFixed(1)} µs ×${(s.calls / step.arrivals).toFixed(2)}`).join(', ')}`);
      if (args['per-script']) for (const line of await scriptCosts(redis, step.arrivals)) log(line);
    }
    const medianOf = (component: string) => median(results.map((r) => r.cpuMsPerArrival![component])).toFixed(3);
    log(`median of ${runs} runs at ${rate} arrivals/s: API ${medianOf('api')} ms CPU/arrival, Redis ${medianOf('redis')} ms CPU/arrival`);
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    redis.disconnect();
    await db.destroy();
    redisServer.kill('SIGTERM');
  }
}

main().catch((error: Error) => {
  log(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
