import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * With API_PROCESSES > 1 every API process is a cluster worker of `npm start`, and a scrape of
 * GET /metrics lands on any one of them. That process asks the primary, which gathers every API
 * process's registry through prom-client's AggregatorRegistry (counters and histograms summed,
 * gauges as each metric says) and hands the text back: one scrape sees the whole API.
 */
const REQUEST = 'reservation-purchase:api-metrics-request';
const REPLY = 'reservation-purchase:api-metrics-reply';
/** prom-client gives up on a silent process after 5 s; the asking process waits a little longer. */
const REPLY_TIMEOUT_MS = 6_000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}

interface MetricsReply {
  type: typeof REPLY;
  id: number;
  metrics?: string;
  error?: string;
}

/** In the primary (`npm start`): answers the API processes' requests for the aggregate. */
export function serveAggregatedApiMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: MetricsRequest) => {
    if (message?.type !== REQUEST) return;
    const reply = (answer: Omit<MetricsReply, 'type' | 'id'>) => worker.isConnected() && worker.send({ type: REPLY, id: message.id, ...answer });
    aggregator.clusterMetrics().then(
      (metrics) => reply({ metrics }),
      (error: Error) => reply({ error: error.message }),
    );
  });
}

/** What GET /metrics answers: this process's registry, or the aggregate of all when it is one of several. */
export function metricsOfAllApiProcesses(registry: Registry): () => Promise<string> {
  if (!cluster.isWorker) return () => registry.metrics();
  AggregatorRegistry.setRegistries(registry);
  // Constructing one makes this process answer the primary's requests for its registry.
  new AggregatorRegistry();
  const waiting = new Map<number, (reply: MetricsReply) => void>();
  let nextId = 0;
  process.on('message', (message: MetricsReply) => {
    if (message?.type === REPLY) waiting.get(message.id)?.(message);
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const settle = (reply: MetricsReply) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (reply.metrics !== undefined) resolve(reply.metrics);
        else reject(new Error(`metrics of the API processes: ${reply.error}`));
      };
      const timer = setTimeout(() => settle({ type: REPLY, id, error: 'no answer from the primary' }), REPLY_TIMEOUT_MS);
      waiting.set(id, settle);
      process.send!({ type: REQUEST, id } satisfies MetricsRequest);
    });
}
