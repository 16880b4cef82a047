import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per process role (API, worker), with Node's process metrics (CPU,
 * memory, event loop lag, GC). Not prom-client's global registry: tests start several APIs and
 * workers in one process, each with its own metrics.
 */
export function createMetricsRegistry(processName: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Latency buckets (seconds) for requests and jobs: sub-millisecond intake up to slow batches. */
export const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
