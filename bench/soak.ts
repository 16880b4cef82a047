import { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import type { Db } from '../shared/db';
import { SETTLED_MIRROR_TTL_SECONDS } from '../shared/orders/order-scripts';
import { bullPrefix } from '../shared/queue';
import { ITEM_KEY_PREFIX } from '../shared/redis-keys';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { settledRssMiBOf, type InspectableProcess } from './collect-garbage';
import type { Check } from './report';
import { median } from './load';
import { intakeP99Of, runScenario, type ScenarioRun } from './scenarios';
import { seedItem, type BenchUser } from './seed-data';
import { waitUntilItemSettled } from './settlement';

/**
 * DESIGN §8 soak: the seed's load test run again and again against one running service (the
 * bench's API and workers, up since the bench began), each run on an item of its own. After each
 * run, once every order settled: the run's time and errors, the RSS of every service process once
 * it collected its garbage, Redis's memory, and the keys under the prefix that have no TTL.
 * What Redis keeps without a TTL on purpose: each item's own keys (it lives until deleted) and
 * the drain queues' few keys a partition (BullMQ's meta, id counter and trimmed event stream).
 */
export interface SoakRun {
  /** The load test's wall time, s. */
  seconds: number;
  requests: number;
  errors: number;
  /** p99 of entering and paying, ms. */
  intakeP99Ms: number;
  invariantViolations: string[];
  /** Each service process's RSS once it collected its garbage, MiB, by name (api, worker-1, ...). */
  rssMiB: Record<string, number>;
  /** Redis's used_memory, MiB. */
  redisUsedMiB: number;
  keysWithoutTtl: KeysWithoutTtl;
}

interface KeysWithoutTtl {
  items: number;
  queue: number;
  /** Any other key without a TTL, by its name with numbers as N (an unsettled order's mirror has none until it settles): none of these may grow. */
  other: Record<string, number>;
}

export interface SoakReport {
  runs: SoakRun[];
  queuePartitions: number;
}

/** BullMQ keys a queue partition keeps without a TTL: meta, id and events. */
const QUEUE_KEYS_PER_PARTITION = 3;
/** How much slower the second half of the runs may be than the first (medians), and how much more RSS the last run may leave than the first. */
const FLAT_WITHIN = 0.2;
const MEMORY_FLAT_WITHIN = 0.1;

export interface SoakSetup {
  config: Config;
  db: Db;
  redis: Redis;
  sellerNum: number;
  buyers: BenchUser[];
  /** The running service's processes, by name. */
  processes: Record<string, InspectableProcess>;
  runs: number;
  stock: number;
  /** The seed's load test as the scenarios part runs it, on the given item. */
  scenario: Omit<ScenarioRun, 'item' | 'name'>;
  log: (message: string) => void;
}

export async function runSoak(setup: SoakSetup): Promise<SoakReport> {
  const runs: SoakRun[] = [];
  for (let run = 1; run <= setup.runs; run++) {
    const item = await seedItem(setup.db, setup.redis, setup.sellerNum, { title: `soak ${run}`, price: 1000, stock: setup.stock });
    setup.log(`soak run ${run}/${setup.runs}: the seed's load test on item ${item.itemNum}`);
    const { acceptedOrderNums, ...result } = await runScenario({ ...setup.scenario, name: 'soak', item }, (line) => setup.log(`  soak: ${line}`));
    await waitUntilItemSettled(setup.db, setup.redis, item.itemNum);
    const rss = await Promise.all(Object.entries(setup.processes).map(async ([name, process]) => [name, await settledRssMiBOf(process)] as const));
    runs.push({
      seconds: result.seconds,
      requests: result.requests,
      errors: result.errors,
      intakeP99Ms: intakeP99Of(result),
      invariantViolations: await auditItemInvariants(setup.db, item.itemNum, acceptedOrderNums),
      rssMiB: Object.fromEntries(rss),
      redisUsedMiB: Number(/used_memory:(\d+)/.exec(await setup.redis.info('memory'))?.[1]) / 2 ** 20,
      keysWithoutTtl: await keysWithoutTtlOf(setup.config),
    });
  }
  return { runs, queuePartitions: setup.config.queuePartitions };
}

/** The keys under the prefix that have no TTL, sorted into the item's, the queue's and the rest. */
async function keysWithoutTtlOf(config: Config): Promise<KeysWithoutTtl> {
  // Without keyPrefix: SCAN answers whole key names, which a prefixing client would prefix again.
  const redis = new Redis(config.redisUrl);
  const keys: KeysWithoutTtl = { items: 0, queue: 0, other: {} };
  try {
    for await (const names of redis.scanStream({ match: `${config.redisPrefix}*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (names.length === 0) continue;
      const pipeline = redis.pipeline();
      for (const name of names) pipeline.pttl(name);
      const ttls = (await pipeline.exec()) ?? [];
      names.forEach((name, i) => {
        // -1: no TTL (-2: gone meanwhile).
        if (ttls[i]?.[1] !== -1) return;
        if (name.startsWith(config.redisPrefix + ITEM_KEY_PREFIX)) keys.items += 1;
        else if (name.startsWith(`${bullPrefix(config)}:`)) keys.queue += 1;
        else {
          const family = name.slice(config.redisPrefix.length).replace(/\d+/g, 'N');
          keys.other[family] = (keys.other[family] ?? 0) + 1;
        }
      });
    }
  } finally {
    redis.disconnect();
  }
  return keys;
}

export function soakChecks(soak: SoakReport): Check[] {
  const { runs } = soak;
  const first = runs[0];
  const last = runs.at(-1);
  if (!first || !last) return [];
  const half = Math.max(1, Math.floor(runs.length / 2));
  const [early, late] = [median(runs.slice(0, half).map((run) => run.seconds)), median(runs.slice(-half).map((run) => run.seconds))];
  const grown = Object.keys(first.rssMiB).map((name) => ({ name, from: first.rssMiB[name], to: last.rssMiB[name] }));
  const otherFamilies = new Set(runs.flatMap((run) => Object.keys(run.keysWithoutTtl.other)));
  // Fewer is fine: orders left unsettled before the soak (entered, never paid) settle at ORDER_TTL and their mirrors get a TTL then.
  const growingFamilies = [...otherFamilies].filter((family) => (last.keysWithoutTtl.other[family] ?? 0) > (first.keysWithoutTtl.other[family] ?? 0));
  const queueBound = QUEUE_KEYS_PER_PARTITION * soak.queuePartitions;
  const failedRuns = runs.filter((run) => run.errors > 0 || run.invariantViolations.length > 0).length;
  return [
    {
      name: `soak: ${runs.length} runs of the seed's load test, errors and invariants`,
      target: '0 errors, all hold, every run',
      measured: failedRuns ? `${failedRuns} runs with errors or violations` : `0 errors, all hold (intake p99 ${runs.map((run) => run.intakeP99Ms).join(', ')} ms)`,
      pass: failedRuns === 0,
    },
    {
      name: 'soak: time per run',
      target: `flat: later runs within ${100 * FLAT_WITHIN}% of the first (medians of each half)`,
      measured: `${runs.map((run) => run.seconds.toFixed(1)).join(', ')} s (${early.toFixed(1)} → ${late.toFixed(1)} s)`,
      pass: late <= early * (1 + FLAT_WITHIN),
    },
    {
      name: 'soak: memory of the service processes (RSS after a full GC)',
      target: `flat: the last run leaves each within ${100 * MEMORY_FLAT_WITHIN}% of the first`,
      measured: grown.map(({ name, from, to }) => `${name} ${from.toFixed(0)} → ${to.toFixed(0)} MiB`).join(', '),
      pass: grown.every(({ from, to }) => to <= from * (1 + MEMORY_FLAT_WITHIN)),
    },
    {
      name: 'soak: Redis keys without a TTL',
      target: `only the items' own and ≤ ${QUEUE_KEYS_PER_PARTITION} a queue partition`,
      measured: `items' ${first.keysWithoutTtl.items} → ${last.keysWithoutTtl.items}, queue ${last.keysWithoutTtl.queue} (bound ${queueBound}), others ${Object.entries(last.keysWithoutTtl.other).map(([family, n]) => `${family} ${n}`).join(', ') || 'none'}${growingFamilies.length ? `; growing: ${growingFamilies.join(', ')}` : ''}; Redis ${first.redisUsedMiB.toFixed(1)} → ${last.redisUsedMiB.toFixed(1)} MiB (settled orders' mirrors keep ${SETTLED_MIRROR_TTL_SECONDS / 3600} h)`,
      pass: growingFamilies.length === 0 && last.keysWithoutTtl.queue <= queueBound,
    },
  ];
}
