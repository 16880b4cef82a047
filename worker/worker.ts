import os from 'node:os';
import { Worker } from 'bullmq';
import type { Config } from '../shared/config';
import { createDb } from '../shared/db';
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
} from '../shared/queue';
import { createRedis } from '../shared/redis';
import { leaveRoster, renewRosterEntry, ROSTER_RENEW_MS, type WorkerEntry } from '../shared/worker-roster';
import { drainItemLine } from './drain-item-line';
import { WorkerMetrics } from './worker-metrics';
import { LineSweeper } from './line-sweeper';
import { reconcileAtStart } from './reconcile';

export interface RunningWorker {
  ctx: OrderContext;
  metrics: WorkerMetrics;
  stop(): Promise<void>;
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

/** One worker process: a BullMQ consumer on every partition, the sweeper, and start-up reconciliation. */
export async function startWorker(config: Config, logger: Logger): Promise<RunningWorker> {
  const metrics = new WorkerMetrics();
  const db = createDb(config);
  const redis = createRedis(config);
  await assertMysqlReachable(db, config.databaseUrl);
  await assertRedisReachable(redis, config.redisUrl);
  const connection = createQueueConnection(config);
  const orderQueues = createOrderQueues(config, connection);
  const ctx: OrderContext = { config, db, redis, logger, orderQueues };
  await enforceSerialPartitions(orderQueues.queues);

  let stopping = false;
  const workerConnections = allPartitionQueueNames(config.queuePartitions).map(() => createQueueConnection(config));
  const workers = allPartitionQueueNames(config.queuePartitions).map(
    (name, partition) =>
      new Worker<JobPayloads[JobName.DrainItemLine], void, JobName.DrainItemLine>(
        name,
        async (job) => {
          const { itemNum, requestId } = job.data;
          const jobLogger = logger.child({ jobId: job.id, itemNum, requestId });
          const started = Date.now();
          let batches = 0;
          let entries = 0;
          const othersWaiting = async () => (await orderQueues.queues[partition]!.getWaitingCount()) > 0;
          const shouldYield = async () => stopping || (Date.now() > started + TIME_SLICE_MS && (await othersWaiting()));
          const result = await drainItemLine(ctx, itemNum, shouldYield, (size, seconds, outcome) => {
            batches += 1;
            entries += size;
            metrics.observeBatch(size, seconds, outcome.settledNow);
          });
          metrics.observeJob(name, (Date.now() - started) / 1000);
          jobLogger.info({ batches, entries, result, ms: Date.now() - started }, 'drained item line');
          if (result === 'MORE') await orderQueues.requestDrain(itemNum, requestId);
        },
        { ...WORKER_OPTIONS, connection: workerConnections[partition]!, prefix: bullPrefix(config) },
      ),
  );
  for (const worker of workers) {
    worker.on('failed', (job, error) => logger.error({ err: error, jobId: job?.id, queue: worker.name }, 'drain job failed'));
    worker.on('error', (error) => logger.error({ err: error, queue: worker.name }, 'worker error'));
  }

  const { server: metricsServer, ...metricsState } = await metrics.serve(config, logger);
  const rosterEntry: WorkerEntry = { host: os.hostname(), pid: process.pid, ...metricsState };
  const renewRoster = () => renewRosterEntry(redis, rosterEntry).catch((error: unknown) => logger.warn({ err: error }, 'worker roster not renewed'));
  await renewRoster();
  const rosterTimer = setInterval(renewRoster, ROSTER_RENEW_MS);
  const reconciled = await reconcileAtStart(ctx);
  logger.info({ ...reconciled, partitions: config.queuePartitions }, 'worker started');

  const sweeper = new LineSweeper(ctx);
  const sweepTimer = setInterval(() => {
    sweeper.sweep().catch((error: unknown) => logger.error({ err: error }, 'sweep failed'));
  }, SWEEP_INTERVAL_MS);

  return {
    ctx,
    metrics,
    async stop() {
      stopping = true;
      clearInterval(sweepTimer);
      clearInterval(rosterTimer);
      metricsServer?.close();
      await leaveRoster(redis, rosterEntry).catch((error: unknown) => logger.warn({ err: error }, 'worker roster not left'));
      // close() waits for the job in hand, which yields after its current batch.
      await Promise.all(workers.map((worker) => worker.close()));
      await orderQueues.close();
      await Promise.all([connection, ...workerConnections].map((client) => client.quit()));
      await db.destroy();
      await redis.quit();
    },
  };
}
