import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRedisUnavailable, redisUnavailable } from './dependency-outage';
import type { PipelineContext, RedisGate } from './orders/order-context';
import { reconcileRedisWithMysql, type ReconcileOptions, type ReconcileReport } from './orders/reconcile-redis';
import { redisKeys } from './redis-keys';

const RECORD_CHECK_INTERVAL_MS = 1000;
/** Long enough for a reconciliation; should its process die, another takes over after this. */
const RECONCILE_LOCK_MS = 15_000;
const WAIT_FOR_OTHER_MS = 200;
/** At start a Redis that is paused or slow for a moment is waited for, not taken as a failed start. */
const START_PATIENCE_MS = 30_000;

/**
 * Redis may come back from a restart with less than it acknowledged (AOF `everysec` loses up to a
 * second) or with nothing. Until it is reconciled with MySQL, order numbers and arrival counters
 * could repeat ones MySQL already holds, so this process takes no order (the gate is shut).
 *
 * How a running process notices, without a restart: after every (re)connection it compares the
 * server's run_id (new at each server start) with the one recorded by the last reconciliation, and
 * every second it checks that the record still exists (gone: the data was flushed). Whoever finds
 * a mismatch first reconciles, one process at a time under a lock; the others wait for the record.
 */
export class RedisRecovery implements RedisGate {
  private open = false;
  private checking: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private connected = true;
  /** Counts lost connections: a check that saw one happen under it proves nothing of the new one. */
  private connection = 0;

  constructor(private readonly ctx: PipelineContext) {}

  /**
   * Checks once (reconciling when needed, or always with `reconcile: true`, as a starting worker
   * does), then watches the connection.
   */
  async start(options: { reconcile?: boolean } = {}): Promise<void> {
    this.ctx.redis.on('close', this.onClose);
    this.ctx.redis.on('ready', this.onReady);
    this.ctx.redis.on('error', this.onError);
    this.timer = setInterval(this.onTick, RECORD_CHECK_INTERVAL_MS).unref();
    const deadline = Date.now() + START_PATIENCE_MS;
    for (;;) {
      try {
        await this.check(options.reconcile === true);
        return;
      } catch (error) {
        if (!isRedisUnavailable(error) || Date.now() > deadline) throw error;
        await sleep(WAIT_FOR_OTHER_MS);
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.ctx.redis.off('close', this.onClose);
    this.ctx.redis.off('ready', this.onReady);
    this.ctx.redis.off('error', this.onError);
  }

  assertOpen(): void {
    if (!this.open) throw redisUnavailable('Redis is back and its state is being rebuilt from MySQL; retry shortly');
  }

  private readonly onClose = () => {
    this.open = false;
    this.connection += 1;
    if (this.connected) this.ctx.logger.warn('Redis connection lost: answering 503 REDIS_UNAVAILABLE until it is back');
    this.connected = false;
  };

  private readonly onReady = () => {
    if (!this.connected) this.ctx.logger.info('Redis connection back');
    this.connected = true;
    this.check(false).catch(this.onCheckFailed);
  };

  // Each reconnection attempt fails with an error event; the loss and the return are logged above.
  private readonly onError = (error: Error) => this.ctx.logger.debug({ err: error }, 'Redis connection error');

  private readonly onTick = () => {
    if (this.checking || this.ctx.redis.status !== 'ready') return;
    (this.open ? this.checkRecordStillThere() : this.check(false)).catch(this.onCheckFailed);
  };

  private readonly onCheckFailed = (error: unknown) => this.ctx.logger.warn({ err: error }, 'could not check or rebuild the Redis state; trying again');

  private async checkRecordStillThere(): Promise<void> {
    if ((await this.ctx.redis.exists(redisKeys.reconciledRun())) === 0) await this.check(false);
  }

  /** One check at a time per process; callers that come while one runs share it. */
  private check(force: boolean): Promise<void> {
    this.checking ??= this.verify(force).finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async verify(force: boolean): Promise<void> {
    for (;;) {
      const connection = this.connection;
      const runId = await this.serverRunId();
      const recorded = await this.ctx.redis.get(redisKeys.reconciledRun());
      if (force || recorded !== runId) {
        this.open = false;
        if (!force) {
          const why = recorded === null ? 'Redis holds no reconciliation (a first start, or its data is gone)' : 'Redis restarted since it was last reconciled';
          this.ctx.logger.warn({ runId, recorded }, `${why}: taking no orders until it is reconciled with MySQL`);
        }
        await this.reconcileFor(runId, force, { dataLost: recorded !== runId });
      }
      if (this.connection === connection) {
        this.open = true;
        return;
      }
    }
  }

  private async reconcileFor(runId: string, force: boolean, options: ReconcileOptions): Promise<void> {
    const token = randomUUID();
    for (;;) {
      if (await this.ctx.redis.set(redisKeys.reconcileLock(), token, 'PX', RECONCILE_LOCK_MS, 'NX')) {
        try {
          const report: ReconcileReport = await reconcileRedisWithMysql(this.ctx, options);
          await this.ctx.redis.set(redisKeys.reconciledRun(), runId);
          this.ctx.logger.info({ ...report, runId }, 'Redis reconciled with MySQL');
          return;
        } finally {
          await this.ctx.redis.del(redisKeys.reconcileLock()).catch(() => undefined);
        }
      }
      await sleep(WAIT_FOR_OTHER_MS);
      if (!force && (await this.ctx.redis.get(redisKeys.reconciledRun())) === runId) return;
    }
  }

  private async serverRunId(): Promise<string> {
    const runId = /^run_id:(\w+)/m.exec(await this.ctx.redis.info('server'))?.[1];
    if (!runId) throw new Error('Redis INFO server has no run_id');
    return runId;
  }
}
