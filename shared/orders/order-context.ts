import type { ServiceContext } from '../context';
import type { OrderQueues } from '../queue';
import type { OrderChangeFeed } from './order-change-feed';
import type { SoldOutMemo } from './sold-out-memo';
import type { WatchQuota } from './watch-quota';

/** The service clients plus the producer of drain jobs: what reconciliation needs. */
export interface PipelineContext extends ServiceContext {
  orderQueues: OrderQueues;
}

/** Whether this process may write order state to Redis right now (shared/redis-recovery.ts). */
export interface RedisGate {
  /** Throws 503 REDIS_UNAVAILABLE while Redis is back but not yet reconciled with MySQL. */
  assertOpen(): void;
}

/** What the order use cases need. */
export interface OrderContext extends PipelineContext {
  redisGate: RedisGate;
}

/** The API's order intake also keeps a per-process memo of sold-out items. */
export interface IntakeContext extends OrderContext {
  soldOutMemo: SoldOutMemo;
}

/** Following orders as they change (an API process): its end of the order changes channel and its cap on watchers. */
export interface WatchContext extends OrderContext {
  orderChanges: OrderChangeFeed;
  watchQuota: WatchQuota;
}
