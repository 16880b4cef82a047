import type { Request, Response } from 'express';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createMetricsRegistry, DURATION_BUCKETS } from '../../shared/metrics/registry';
import { API_V1_PREFIX } from '../paths';
import { metricsOfAllApiProcesses } from './cluster-metrics';

/** The route pattern (never the raw URL, whose ids would make a series per order). */
function routeLabelOf(req: Request): string {
  const route = req.route as { path?: string } | undefined;
  if (!route?.path) return 'unmatched';
  // After an error leaves a mounted router Express resets req.baseUrl, so the prefix is read off the URL.
  return req.originalUrl.startsWith(`${API_V1_PREFIX}/`) ? API_V1_PREFIX + route.path : route.path;
}

/** The API process's metrics: HTTP latency by route and status, and how order submissions end. */
export class ApiMetrics {
  readonly registry: Registry;
  /** The Prometheus text of every API process (this one alone unless `npm start` runs several). */
  readonly exposition: () => Promise<string>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly orderSubmissions: Counter<'outcome'>;

  constructor() {
    this.registry = createMetricsRegistry('api');
    this.exposition = metricsOfAllApiProcesses(this.registry);
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route pattern and status; its _count gives the request rate',
      labelNames: ['method', 'route', 'status_code'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.orderSubmissions = new Counter({
      name: 'order_submissions_total',
      help: 'POST /orders answers by outcome (ACCEPTED, SOLD_OUT, ORDER_RATE_LIMITED, ITEM_OVERLOADED, ...)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
  }

  /**
   * Times a request that started at `startedAt` (performance.now()), once its response was written
   * or its client went away (api/middleware/request-logging.ts calls it). An event stream is timed
   * until it opened: its whole life would read as a slow request.
   */
  observeRequest(req: Request, res: Response, startedAt: number): void {
    this.observeHttp(req.method, routeLabelOf(req), res.statusCode, (res.locals.streamOpenedAt ?? performance.now()) - startedAt);
  }

  /** Open order streams and `Prefer: wait` answers of this process, read when Prometheus scrapes. */
  watchOpenWatches(open: { streamCount: number; waitCount: number }): void {
    new Gauge({
      name: 'order_watches_open',
      help: 'Order streams (GET /orders/{orderNum}/events) and Prefer: wait answers held open',
      labelNames: ['kind'],
      registers: [this.registry],
      collect() {
        this.set({ kind: 'stream' }, open.streamCount);
        this.set({ kind: 'wait' }, open.waitCount);
      },
    });
  }

  observeHttp(method: string, route: string, statusCode: number, milliseconds: number): void {
    this.seriesOf(method, route, statusCode).observe(milliseconds / 1000);
  }

  // prom-client hashes a label object on every observe; the few series there are get looked up by a string instead.
  private readonly series = new Map<string, Histogram.Internal<'method' | 'route' | 'status_code'>>();
  private seriesOf(method: string, route: string, status: number) {
    const key = `${method} ${route} ${status}`;
    let series = this.series.get(key);
    if (!series) {
      series = this.httpDuration.labels({ method, route, status_code: status });
      this.series.set(key, series);
    }
    return series;
  }

  countOrderSubmission(outcome: string): void {
    this.orderSubmissions.inc({ outcome });
  }
}
