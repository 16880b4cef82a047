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
import { settlesWithin } from '../shared/settles-within';
import { leaveRoster, renewRosterEntry, ROSTER_RENEW_MS, type WorkerEntry } from '../shared/worker-roster';
import { drainItemLine } from './drain-item-line';
import { WorkerMetrics } from './worker-metrics';
import { cancelOrdersPastTtl } from './order-ttl-sweep';
import { foldSettlingOrders } from './settling-orders-fold';
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

/**
 * A stop gives the drain jobs in hand this long to end (each yields after its current batch), then
 * gives them up: the lock of a job given up lapses and BullMQ runs it again, and draining is
 * idempotent. A job ends later than that only when Redis or MySQL is away.
 */
const JOB_GRACE_MS = 10_000;
/** Leaving the roster is a courtesy (an entry not renewed drops out by itself): a stop does not wait for Redis to come back for it. */
const ROSTER_LEAVE_MS = 1000;
/** A stop ends by then whatever state Redis and MySQL are in (worker/main.ts exits at this deadline); docker-compose's stop_grace_period is above it. */
export const WORKER_STOP_DEADLINE_MS = 20_000;

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
  private readonly jobsInHand = new Set<Promise<void>>();

  constructor(readonly ctx: Omit<OrderContext, 'orderQueues' | 'redisGate'>) {}

  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    clearInterval(this.roster?.timer);
    this.metricsServer?.close();
    if (this.roster) {
      const leaving = leaveRoster(this.ctx.redis, this.roster.entry).catch((error: unknown) => this.ctx.logger.warn({ err: error }, 'worker roster not left'));
      await settlesWithin(leaving, ROSTER_LEAVE_MS);
    }
    this.redisRecovery?.stop();
    await this.closeConsumers();
    await this.orderQueues?.close();
    await Promise.all(this.consumerConnections.map(closeRedis));
    await this.ctx.db.destroy();
    await closeRedis(this.ctx.redis);
  }

  /** The processor, keeping track of the jobs in hand for a stop. */
  trackJobs<J>(process: (job: J) => Promise<void>): (job: J) => Promise<void> {
    return (job) => {
      const processing = process(job);
      const tracked = processing.catch(() => undefined).finally(() => this.jobsInHand.delete(tracked));
      this.jobsInHand.add(tracked);
      return processing;
    };
  }

  /**
   * Worker.close() without force waits for its blocking connection to end, which a connection
   * waiting to reconnect never does (ioredis clears its retry timer and emits nothing; BullMQ
   * issue 4656): a stop while Redis was away, or within a second of its return, hung for good. So
   * the consumers take no new job, the jobs in hand get JOB_GRACE_MS to end, and close(force)
   * drops the connections without waiting for anything.
   */
  private async closeConsumers(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.pause(true)));
    if (!(await settlesWithin(Promise.all(this.jobsInHand), JOB_GRACE_MS))) {
      this.ctx.logger.warn({ jobs: this.jobsInHand.size, graceMs: JOB_GRACE_MS }, 'drain job still running at the end of the grace: given up, BullMQ runs it again');
    }
    await Promise.all(this.consumers.map((consumer) => consumer.close(true)));
  }
}

export interface WorkerOptions {
  /** How far ahead of Redis's clock the once-a-second sweep judges ORDER_TTL (a test moves it rather than wait); 0 in service. */
  sweepAheadMs?: number;
}

/** One worker process: a BullMQ consumer on every partition, the once-a-second sweep (orders past ORDER_TTL, stuck lines, mirrors left to settle later), and reconciliation with MySQL. */
export async function startWorker(config: Config, logger: Logger, options: WorkerOptions = {}): Promise<RunningWorker> {
  const resources = new WorkerResources({ config, db: createDb(config, { logger, multipleStatements: true }), redis: createRedis(config, 'patient'), logger });
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
      resources.trackJobs(async (job) => {
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
      }),
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

  // What no request triggers: unpaid orders expire, stuck lines get a new drain request, and the
  // mirrors drains left to settle later are settled once their lines are empty.
  const stuckLines = new StuckLineWatch(ctx);
  const sweep = async () => {
    await cancelOrdersPastTtl(ctx, options.sweepAheadMs);
    await stuckLines.redrainStuckLines();
    await foldSettlingOrders(ctx);
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
