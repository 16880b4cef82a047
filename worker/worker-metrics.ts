import type { Server } from 'node:http';
import express from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { adminOnly } from '../shared/http/admin-only';
import type { Config } from '../shared/config';
import { AppError, HTTP_STATUS } from '../shared/errors';
import { listenOn } from '../shared/listen';
import type { Logger } from '../shared/logger';
import { createMetricsRegistry, DURATION_BUCKETS } from '../shared/metrics/registry';
import type { DeadEntryCause } from '../shared/orders/dead-entries';
import type { OrderStatus } from '../shared/orders/order-status';
import type { WorkerEntry } from '../shared/worker-roster';

export type MetricsEndpoint = Pick<WorkerEntry, 'metrics' | 'metricsPort' | 'problem'> & { server?: Server };

/** A worker process's metrics: orders settled by outcome, batch and job durations, Node process metrics. */
export class WorkerMetrics {
  readonly registry: Registry;
  private readonly settled: Counter<'status'>;
  private readonly batchDuration: Histogram;
  private readonly batchEntries: Histogram;
  private readonly jobDuration: Histogram<'queue'>;
  private readonly deadEntries: Counter<'cause'>;

  constructor() {
    this.registry = createMetricsRegistry('worker');
    this.settled = new Counter({ name: 'orders_settled_total', help: 'Orders settled by this worker, by final status', labelNames: ['status'], registers: [this.registry] });
    this.batchDuration = new Histogram({
      name: 'drain_batch_duration_seconds',
      help: 'One line batch: MySQL transaction plus the Redis step that removes it',
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.batchEntries = new Histogram({
      name: 'drain_batch_entries',
      help: 'Line entries applied per batch (adapts to the backlog)',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000],
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'drain_job_duration_seconds',
      help: 'One drain job (a time slice of one item line), by queue partition',
      labelNames: ['queue'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.deadEntries = new Counter({
      name: 'line_entries_dead_total',
      help: "Line entries moved to their item's dead-letter list: failed alone (not transient), or following a dead entry of the same order",
      labelNames: ['cause'],
      registers: [this.registry],
    });
  }

  countDeadEntry(cause: DeadEntryCause): void {
    this.deadEntries.inc({ cause });
  }

  observeBatch(entries: number, seconds: number, settledNow: readonly OrderStatus[]): void {
    this.batchEntries.observe(entries);
    this.batchDuration.observe(seconds);
    for (const status of settledNow) this.settled.inc({ status });
  }

  observeJob(queue: string, seconds: number): void {
    this.jobDuration.observe({ queue }, seconds);
  }

  /**
   * Serves GET /metrics (admin credential) and GET /health on WORKER_METRICS_PORT; none when the
   * port is 0. The port is auxiliary: when it can't be had, the worker says so once and drains anyway.
   */
  async serve(config: Pick<Config, 'workerMetricsPort' | 'admin'>, logger: Logger): Promise<MetricsEndpoint> {
    const port = config.workerMetricsPort;
    if (port === 0) return { metrics: 'off', metricsPort: 0 };
    const app = express();
    app.get('/health', (_req, res) => {
      res.json({ status: 'OK' });
    });
    app.get('/metrics', adminOnly(config), async (_req, res) => {
      res.type(this.registry.contentType).send(await this.registry.metrics());
    });
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(error instanceof AppError ? HTTP_STATUS[error.status] : 500).end();
    });
    try {
      const server = await listenOn(app, port, 'WORKER_METRICS_PORT');
      logger.info({ port, url: `http://localhost:${port}/metrics` }, 'worker metrics listening');
      return { metrics: 'serving', metricsPort: port, server };
    } catch (error) {
      const problem = `${(error as Error).message} (npm start gives worker n that port + n - 1; 0: none)`;
      logger.error({ port }, `worker metrics not served, this worker drains orders without them: ${problem}`);
      return { metrics: 'unavailable', metricsPort: port, problem };
    }
  }
}
