import type { Server } from 'node:http';
import os from 'node:os';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import { createDb } from '../shared/db';
import { isRedisConnectionError } from '../shared/dependency-outage';
import { assertMysqlReachable, assertRedisReachable } from '../shared/dependencies';
import type { Logger } from '../shared/logger';
import type { OrderContext } from '../shared/orders/order-context';
import {
  allPartitionQueueNames,
  bullPrefix,
  createOrderQueues,
  createQueueConnection,
  enforceSerialPartitions,
  JobName,
  type JobPayloads,
  type OrderQueues,
} from '../shared/queue';
import { closeRedis, createRedis } from '../shared/redis';
import { RedisRecovery } from '../shared/redis-recovery';
import { leaveRoster, renewRosterEntry, ROSTER_RENEW_MS, type WorkerEntry } from '../shared/worker-roster';
import { drainItemLine } from './drain-item-line';
import { WorkerMetrics } from './worker-metrics';
import { cancelOrdersPastTtl } from './order-ttl-sweep';
import { StuckLineWatch } from './stuck-line-watch';

export interface RunningWorker {
  ctx: OrderContext;
  metrics: WorkerMetrics;
  stop: () => Promise<void>;
}

/**
 * A drain job gives up its partition after this long when another drain waits in it, so that other
 * items of the partition get a turn. Alone in its partition it keeps going: each hand-over to a new
 * job measured ~15% of a hot item's drain rate.
 */
const TIME_SLICE_MS = 250;
const SWEEP_INTERVAL_MS = 1000;

// A killed worker's job blocks its partition until its lock lapses and the stall check moves it
// back: 10 s lock, checked every 5 s, keeps recovery well inside the 30 s target. A stalled drain
// job is never failed for stalling: it only says "drain this line", and draining is idempotent.
const WORKER_OPTIONS = { concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 1_000_000 };

type DrainWorker = Worker<JobPayloads[JobName.DrainItemLine], void, JobName.DrainItemLine>;

/** What a worker process opened, so that a start that fails half-way closes it all again. */
class WorkerResources {
  orderQueues: OrderQueues | undefined;
  redisRecovery: RedisRecovery | undefined;
  consumers: DrainWorker[] = [];
  consumerConnections: Redis[] = [];
  metricsServer: Server | undefined;
  roster: { entry: WorkerEntry; timer: NodeJS.Timeout } | undefined;
  sweepTimer: NodeJS.Timeout | undefined;

  constructor(readonly ctx: Omit<OrderContext, 'orderQueues' | 'redisGate'>) {}

  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    clearInterval(this.roster?.timer);
    this.metricsServer?.close();
    if (this.roster) {
      await leaveRoster(this.ctx.redis, this.roster.entry).catch((error: unknown) => this.ctx.logger.warn({ err: error }, 'worker roster not left'));
    }
    this.redisRecovery?.stop();
    // close() waits for the job in hand, which yields after its current batch.
    await Promise.all(this.consumers.map((consumer) => consumer.close()));
    await this.orderQueues?.close();
    await Promise.all(this.consumerConnections.map(closeRedis));
    await this.ctx.db.destroy();
    await closeRedis(this.ctx.redis);
  }
}

export interface WorkerOptions {
  /** How far ahead of Redis's clock the once-a-second sweep judges ORDER_TTL (a test moves it rather than wait); 0 in service. */
  sweepAheadMs?: number;
}

/** One worker process: a BullMQ consumer on every partition, the once-a-second sweep (orders past ORDER_TTL, stuck lines), and reconciliation with MySQL. */
export async function startWorker(config: Config, logger: Logger, options: WorkerOptions = {}): Promise<RunningWorker> {
  const resources = new WorkerResources({ config, db: createDb(config, { logger }), redis: createRedis(config, 'patient'), logger });
  try {
    return await run(resources, options);
  } catch (error) {
    await resources.close();
    throw error;
  }
}

async function run(resources: WorkerResources, options: WorkerOptions): Promise<RunningWorker> {
  const { config, db, redis, logger } = resources.ctx;
  const metrics = new WorkerMetrics();
  await assertRedisReachable(redis, config.redisUrl);
  await assertMysqlReachable(db, config.databaseUrl);
  const orderQueues = (resources.orderQueues = createOrderQueues(config, { logger, patience: 'patient' }));
  const redisRecovery = (resources.redisRecovery = new RedisRecovery({ ...resources.ctx, orderQueues }));
  const ctx: OrderContext = { ...resources.ctx, orderQueues, redisGate: redisRecovery };
  await enforceSerialPartitions(orderQueues.queues);

  let stopping = false;
  resources.consumers = allPartitionQueueNames(config.queuePartitions).map((name, partition) => {
    const connection = createQueueConnection(config, 'patient');
    resources.consumerConnections.push(connection);
    const consumer: DrainWorker = new Worker(
      name,
      async (job) => {
        const { itemNum, requestId } = job.data;
        const started = Date.now();
        let batches = 0;
        let entries = 0;
        const othersWaiting = async () => (await orderQueues.queues[partition].getWaitingCount()) > 0;
        const result = await drainItemLine(ctx, itemNum, {
          shouldYield: async () => stopping || (Date.now() > started + TIME_SLICE_MS && (await othersWaiting())),
          stopping: () => stopping,
          onBatch: (size, seconds, outcome) => {
            batches += 1;
            entries += size;
            metrics.observeBatch(size, seconds, outcome.settledNow);
          },
          onDead: (cause) => metrics.countDeadEntry(cause),
        });
        metrics.observeJob(name, (Date.now() - started) / 1000);
        logger.child({ jobId: job.id, itemNum, requestId }).info({ batches, entries, result, ms: Date.now() - started }, 'drained item line');
        if (result === 'MORE') await orderQueues.requestDrain(itemNum, requestId);
      },
      { ...WORKER_OPTIONS, connection, prefix: bullPrefix(config) },
    );
    consumer.on('failed', (job, error) => logger.error({ err: error, jobId: job?.id, queue: name }, 'drain job failed'));
    // Connection errors repeat on every reconnection attempt; the loss and return of Redis are logged once (RedisRecovery).
    consumer.on('error', (error) => logger[isRedisConnectionError(error) ? 'debug' : 'error']({ err: error, queue: name }, 'worker error'));
    return consumer;
  });

  const { server: metricsServer, ...metricsState } = await metrics.serve(config, logger);
  resources.metricsServer = metricsServer;
  const rosterEntry: WorkerEntry = { host: os.hostname(), pid: process.pid, ...metricsState };
  const renewRoster = () => renewRosterEntry(redis, rosterEntry).catch((error: unknown) => logger.warn({ err: error }, 'worker roster not renewed'));
  await renewRoster();
  resources.roster = { entry: rosterEntry, timer: setInterval(() => void renewRoster(), ROSTER_RENEW_MS) };
  await redisRecovery.start({ reconcile: true });
  logger.info({ partitions: config.queuePartitions }, 'worker started');

  // What no request triggers: unpaid orders expire, and stuck lines get a new drain request.
  const stuckLines = new StuckLineWatch(ctx);
  const sweep = async () => {
    await cancelOrdersPastTtl(ctx, options.sweepAheadMs);
    await stuckLines.redrainStuckLines();
  };
  resources.sweepTimer = setInterval(() => {
    if (redis.status !== 'ready') return;
    sweep().catch((error: unknown) => logger.error({ err: error }, 'sweep failed'));
  }, SWEEP_INTERVAL_MS);

  return {
    ctx,
    metrics,
    async stop() {
      stopping = true;
      await resources.close();
    },
  };
}
