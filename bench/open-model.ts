import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { percentiles } from './load';
import type { BenchUser } from './seed-data';

/**
 * The capacity knee's load: an open model. Buyers arrive at a set rate whatever the answers (a
 * closed model, where the next request waits for the last answer, slows down with the server and
 * hides its queueing); each arrival enters an order and, if it was accepted, pays it at once. The
 * rate rises in steps. Requests go over a pool of keep-alive connections, as from a load balancer.
 */
export interface StepPlan {
  /** Arrivals per second. */
  rate: number;
  seconds: number;
}

export interface CapacityTarget {
  origin: string;
  buyers: BenchUser[];
  item: { itemNum: number; price: number };
  /** Cumulative CPU seconds by component (API processes, Redis…), read before and after each step. */
  cpuMeter?: () => Promise<Record<string, number>>;
}

interface EndpointStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

export interface StepResult {
  offeredPerSecond: number;
  arrivals: number;
  requests: number;
  /** No answer (connection error, timeout), a 5xx, or a status the step never expects. */
  errors: number;
  /** errors / requests. */
  errorRate: number;
  /** Latency of every request of the step's arrivals, enter and pay together. */
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  byEndpoint: { enter: EndpointStats; pay: EndpointStats };
  /** How late arrivals left the generator (p99): a generator short of CPU shows here first. */
  launchLagP99Ms: number;
  /** The generator's own CPU (this process, every thread) per arrival over the step: what the shared cores lend it. */
  generatorCpuMsPerArrival: number;
  /** CPU milliseconds per arrival by component, where the target has a meter. */
  cpuMsPerArrival?: Record<string, number>;
}

/** What each step may answer when the target works (SOLD_OUT is a 409; the seed design answers pay with 200). */
const EXPECTED: Record<'enter' | 'pay', number[]> = { enter: [200, 409], pay: [200, 202] };
const CONNECTIONS = 256;
const REQUEST_TIMEOUT_MS = 10_000;
/** A step this bad is far past the knee: the run stops there rather than pile up load. */
const GIVE_UP = { p99Ms: 1_000, errorRate: 0.05 };

interface Sample {
  endpoint: 'enter' | 'pay';
  ms: number;
  status: number | string;
}

class StepRecorder {
  readonly samples: Sample[] = [];
  readonly launchLagsMs: number[] = [];
  readonly acceptedOrderNums: number[] = [];
  arrivals = 0;

  constructor(readonly plan: StepPlan) {}

  result(generatorCpuMs: number): StepResult {
    const errors = this.samples.filter((s) => typeof s.status === 'string' || !EXPECTED[s.endpoint].includes(s.status)).length;
    const stats = (endpoint: 'enter' | 'pay'): EndpointStats => {
      const mine = this.samples.filter((s) => s.endpoint === endpoint);
      const statuses: Record<string, number> = {};
      for (const s of mine) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
      const { p50, p95, p99, max, count } = percentiles(mine.map((s) => s.ms));
      return { count, p50, p95, p99, max, statuses };
    };
    const { p50, p95, p99, max } = percentiles(this.samples.map((s) => s.ms));
    return {
      offeredPerSecond: this.plan.rate,
      arrivals: this.arrivals,
      requests: this.samples.length,
      errors,
      errorRate: this.samples.length ? errors / this.samples.length : 0,
      latencyMs: { p50, p95, p99, max },
      byEndpoint: { enter: stats('enter'), pay: stats('pay') },
      launchLagP99Ms: percentiles(this.launchLagsMs).p99,
      generatorCpuMsPerArrival: generatorCpuMs / Math.max(1, this.arrivals),
    };
  }
}

interface Answer {
  status: number | string;
  json?: { data?: { orderNum?: number } };
}

/**
 * One request through the pool's own dispatch, not `pool.request`: no response object, body
 * stream or promise chain per request, which at the knee's top steps is a third of the
 * generator's CPU on the cores it shares with the target (0.048 → 0.030 ms a request against the
 * HTTP ceiling at 15,000/s). Only a 200's body is kept: it carries the order's number.
 */
function send(pool: Pool, path: string, buyer: BenchUser, body?: string): Promise<Answer> {
  return new Promise((resolve) => {
    let status = 0;
    const chunks: Buffer[] = [];
    pool.dispatch(
      {
        path,
        method: 'POST',
        headers: { authorization: `Bearer ${buyer.token}`, 'content-type': 'application/json' },
        body: body ?? '',
        headersTimeout: REQUEST_TIMEOUT_MS,
        bodyTimeout: REQUEST_TIMEOUT_MS,
      },
      {
        onConnect: () => undefined,
        onHeaders: (statusCode) => {
          status = statusCode;
          return true;
        },
        onData: (chunk) => {
          if (status === 200) chunks.push(chunk);
          return true;
        },
        onComplete: () => {
          try {
            resolve({ status, json: status === 200 ? (JSON.parse(Buffer.concat(chunks).toString()) as Answer['json']) : undefined });
          } catch {
            resolve({ status: 'INVALID_JSON' });
          }
        },
        onError: (error) => resolve({ status: (error as { code?: string }).code ?? 'TRANSPORT_ERROR' }),
      },
    );
  });
}

async function arrive(pool: Pool, target: CapacityTarget, buyer: BenchUser, recorder: StepRecorder): Promise<void> {
  const { itemNum, price } = target.item;
  let started = performance.now();
  const entered = await send(pool, '/api/v1/orders', buyer, JSON.stringify({ buyerNum: buyer.userNum, itemNum, quantity: 1, price }));
  recorder.samples.push({ endpoint: 'enter', ms: performance.now() - started, status: entered.status });
  const orderNum = entered.json?.data?.orderNum;
  if (orderNum === undefined) return;
  started = performance.now();
  const paid = await send(pool, `/api/v1/orders/try-payments/${orderNum}`, buyer);
  recorder.samples.push({ endpoint: 'pay', ms: performance.now() - started, status: paid.status });
  if (paid.status === 202 || paid.status === 200) recorder.acceptedOrderNums.push(orderNum);
}

/**
 * Runs the steps in order, back to back, until they end or one is far past the knee. Each
 * arrival counts in the step it arrived in, however long its answers take.
 */
export async function runOpenModel(
  target: CapacityTarget,
  steps: StepPlan[],
  onStep: (step: StepResult) => void,
): Promise<{ steps: StepResult[]; acceptedOrderNums: number[] }> {
  const pool = new Pool(target.origin, { connections: CONNECTIONS, keepAliveTimeout: 30_000 });
  const results: StepResult[] = [];
  const acceptedOrderNums: number[] = [];
  let nextBuyer = 0;
  try {
    for (const plan of steps) {
      const recorder = new StepRecorder(plan);
      const cpuBefore = await target.cpuMeter?.();
      const generatorCpuBefore = process.cpuUsage();
      const inFlight: Promise<void>[] = [];
      const total = Math.round(plan.rate * plan.seconds);
      const startedAt = performance.now();
      while (recorder.arrivals < total) {
        const elapsedMs = performance.now() - startedAt;
        const due = Math.min(total, Math.floor((elapsedMs / 1000) * plan.rate));
        for (; recorder.arrivals < due; recorder.arrivals++) {
          recorder.launchLagsMs.push(elapsedMs - (recorder.arrivals / plan.rate) * 1000);
          inFlight.push(arrive(pool, target, target.buyers[nextBuyer++ % target.buyers.length], recorder));
        }
        await sleep(1);
      }
      await Promise.all(inFlight);
      const generatorCpu = process.cpuUsage(generatorCpuBefore);
      const result = recorder.result((generatorCpu.user + generatorCpu.system) / 1000);
      if (cpuBefore) result.cpuMsPerArrival = cpuPerArrival(cpuBefore, await target.cpuMeter!(), recorder.arrivals);
      results.push(result);
      acceptedOrderNums.push(...recorder.acceptedOrderNums);
      onStep(result);
      if (result.latencyMs.p99 > GIVE_UP.p99Ms || result.errorRate > GIVE_UP.errorRate) break;
    }
  } finally {
    await pool.close();
  }
  return { steps: results, acceptedOrderNums };
}

function cpuPerArrival(before: Record<string, number>, after: Record<string, number>, arrivals: number): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((component) => [component, (1000 * (after[component] - (before[component] ?? 0))) / Math.max(1, arrivals)]));
}

/** The highest offered rate of a step with no error and p99 under the bound (0: none held). */
export function kneeOf(steps: StepResult[], p99BoundMs = 100): number {
  return Math.max(0, ...steps.filter((s) => s.errors === 0 && s.latencyMs.p99 < p99BoundMs).map((s) => s.offeredPerSecond));
}
