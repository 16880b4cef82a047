import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Config } from './config';
import type { Logger } from './logger';
import { closeRedis, REDIS_OPTIONS, type RedisPatience } from './redis';

/**
 * The ONE contract between api/ (producer) and worker/ (consumer). Queue and job names are a data
 * contract: jobs in flight carry them, so never rename one.
 *
 * Orders themselves do not travel as jobs: each item has a FIFO list of order entries in Redis
 * (shared/orders/lua/includes/item-line.lua) written atomically with the order's state change.
 * A job only says "drain this item's line". Items map to QUEUE_PARTITIONS queues by a stable function; each
 * partition has a global concurrency of 1, which BullMQ enforces across all worker processes, so
 * one item is drained by one worker at a time while other partitions proceed in parallel.
 */
export enum JobName {
  DrainItemLine = 'drain-item-line',
}

export interface JobPayloads {
  /** requestId: the API request that asked for this drain, for tracing it through the worker's logs. */
  [JobName.DrainItemLine]: { itemNum: number; requestId?: string | undefined };
}

export function partitionOf(itemNum: number, partitions: number): number {
  return itemNum % partitions;
}

function partitionQueueName(partition: number): string {
  return `orders-p${String(partition).padStart(2, '0')}`;
}

export function allPartitionQueueNames(partitions: number): string[] {
  return Array.from({ length: partitions }, (_, partition) => partitionQueueName(partition));
}

/** BullMQ's own key prefix: under REDIS_PREFIX, so that tests and developers never share queues. */
export function bullPrefix(config: Pick<Config, 'redisPrefix'>): string {
  return `${config.redisPrefix}bull`;
}

/**
 * BullMQ refuses ioredis keyPrefix. The API's producer fails fast like its application client (an
 * HTTP request must never wait for Redis to come back); a worker's connections are patient, its
 * consumers' as BullMQ requires of blocking connections, so draining resumes with no restart
 * (shared/redis.ts).
 */
export function createQueueConnection(config: Pick<Config, 'redisUrl'>, patience: RedisPatience): Redis {
  return new Redis(config.redisUrl, REDIS_OPTIONS[patience]);
}

const DRAIN_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: 1000,
  attempts: 1,
};

/** At most one drain job waits per item, and one more follows if a drain is running (keepLastIfActive). */
function drainJobOptions(itemNum: number): JobsOptions {
  return { ...DRAIN_JOB_OPTIONS, deduplication: { id: `drain-${itemNum}`, keepLastIfActive: true } };
}

export interface OrderQueues {
  requestDrain(itemNum: number, requestId?: string): Promise<void>;
  queues: Queue[];
  close(): Promise<void>;
}

/**
 * The producer side of the partition queues, on one connection of its own. Connection errors go to
 * `logger` at debug level: each queue would report every reconnection attempt, and the loss and
 * return of Redis are logged once by shared/redis-recovery.ts.
 */
export function createOrderQueues(
  config: Pick<Config, 'redisUrl' | 'redisPrefix' | 'queuePartitions'>,
  options: { logger?: Logger; patience?: RedisPatience } = {},
): OrderQueues {
  const { logger, patience = 'fail-fast' } = options;
  const connection = createQueueConnection(config, patience);
  connection.on('error', (error: Error) => logger?.debug({ err: error }, 'queue connection error'));
  const queues = allPartitionQueueNames(config.queuePartitions).map((name) => {
    const queue = new Queue<JobPayloads[JobName.DrainItemLine]>(name, { connection, prefix: bullPrefix(config) });
    queue.on('error', (error: Error) => logger?.debug({ err: error, queue: name }, 'queue error'));
    return queue;
  });
  return {
    queues,
    async requestDrain(itemNum, requestId) {
      const queue = queues[partitionOf(itemNum, config.queuePartitions)];
      await queue.add(JobName.DrainItemLine, { itemNum, requestId }, drainJobOptions(itemNum));
    },
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
      await closeRedis(connection);
    },
  };
}

/** Global concurrency 1 per partition: the serial-per-item guarantee. Idempotent; run at every start. */
export async function enforceSerialPartitions(queues: Queue[]): Promise<void> {
  await Promise.all(queues.map((queue) => queue.setGlobalConcurrency(1)));
}
