import { connect, type Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import { isSettled, type OrderStatus } from '../shared/orders/order-status';
import { partitionOf, type OrderQueues } from '../shared/queue';
import { orderChangesChannel } from '../shared/redis-keys';
import { enterAndPayInRedis } from '../testkit/orders-in-redis';
import { percentiles } from './load';
import { settledRssMiBOf, type InspectableProcess } from './collect-garbage';
import { machineCpuShareSince, machineCpuTicks, processCpuMs, type MachineCpuShare } from './machine-cpu';
import { PublishObserver } from './publish-observer';
import type { BenchUser } from './seed-data';

type Percentiles = ReturnType<typeof percentiles>;

export interface SettleLatency {
  /** Buyers that entered an order during the spike and followed it. */
  buyers: number;
  /** From the 202 of their payment to the settled order's event on their stream, ms. */
  settleMs: Percentiles;
  /** Payments whose stream never told the settled order within the bench's patience. */
  unanswered: number;
}

export interface OpenStreams {
  streams: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  /** The API process's RSS growth over the streams it holds, KiB per stream. */
  kibPerStream: number;
  /** From the settle being published to its event at the stream's client (one clock: this process), ms. */
  settleToEventMs: Percentiles;
  /**
   * The bench's own event-loop delay while the line drained, ms: how late its 10,000 clients, all in
   * its one thread, may have read an event. Part of settleToEventMs, shown beside it.
   */
  clientLoopDelayMs: { p99: number; max: number };
  /** From the line's resume to the last settled order's event at its client, ms. */
  drainMs: number;
  /** CPU (user + system) of the API process over the drain and the half second after it (its last answers' ends), µs per stream. */
  apiCpuUsPerStream: number;
  /** CPU of the API process over the half second after the clients closed their connections, kept alive since their answers ended, µs per stream. */
  apiCloseCpuUsPerStream: number;
  /** CPU of the bench process (every thread) over the drain, µs per stream: what reading the events takes from the cores the API shares. */
  clientCpuUsPerStream: number;
  /** The machine's cores over the drain: what the API shared them with. */
  machineCpu: MachineCpuShare;
  unanswered: number;
}

/** One order stream as the bench reads it (a connection of its own). */
interface Followed {
  socket: Socket;
  /** Resolves once the first event (the order as it stands) arrived. */
  opened: Promise<void>;
  /** Resolves with the time (Date.now()) the settled order arrived; undefined when the stream ended without it. */
  settled: Promise<number | undefined>;
}

/** An event's order status: the first status in its data (the order's own comes before its payment's). */
const STATUS_IN_EVENT = /"status":"([A-Z_]+)"/;

/** The end of a chunked answer: its last, empty chunk. */
const LAST_CHUNK = /(?:^|\r\n)0\r\n\r\n/;

/**
 * Opens GET /orders/{orderNum}/events (resolves once the answer's head says 200). The answer is
 * read as bytes, events found by their blank line and the status by a pattern, with no HTTP or
 * SSE parser: the bench's 10,000 clients share one thread and the API's cores, and what each
 * costs there is added to the delays it measures. Chunk lengths, between events, are skipped
 * with everything else that is not an event's data. The connection is kept alive once the answer
 * ends, as a browser's is (its end is its last chunk); the bench closes it when done with it.
 */
function follow(origin: string, orderNum: number, token: string): Promise<Followed> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let open: () => void = () => {};
    let settle: (at: number | undefined) => void = () => {};
    const opened = new Promise<void>((done) => (open = done));
    const settled = new Promise<number | undefined>((done) => (settle = done));
    const socket = connect(Number(port), hostname);
    socket.setEncoding('latin1');
    socket.write(`GET /api/v1/orders/${orderNum}/events HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n\r\n`);
    let unread = '';
    let answered = false;
    socket.on('data', (chunk: string) => {
      unread += chunk;
      if (!answered) {
        const headEnd = unread.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        if (!unread.startsWith('HTTP/1.1 200 ')) {
          socket.destroy();
          reject(new Error(`stream of order ${orderNum} answered ${unread.slice(9, 12)}`));
          return;
        }
        answered = true;
        unread = unread.slice(headEnd + 4);
        resolve({ socket, opened, settled });
      }
      for (let end = unread.indexOf('\n\n'); end >= 0; end = unread.indexOf('\n\n')) {
        const data = unread.indexOf('data: ');
        if (data >= 0 && data < end) {
          open();
          if (isSettled(STATUS_IN_EVENT.exec(unread.slice(data, end))?.[1] as OrderStatus)) settle(Date.now());
        }
        unread = unread.slice(end + 2);
      }
      if (LAST_CHUNK.test(unread)) ended();
    });
    // A stream that ends before the settled order (or before any event) is counted as never told.
    const ended = () => {
      open();
      settle(undefined);
    };
    socket.once('close', ended);
    socket.once('error', reject);
  });
}

/** The promise's value, or undefined after `ms`; the timer does not keep the bench alive. */
const withTimeout = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, sleep(ms, undefined, { ref: false })]);

async function post(url: string, token: string, body?: unknown): Promise<{ status: number; data: { orderNum?: number } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const envelope = (await res.json()) as { data: { orderNum?: number } };
  return { status: res.status, data: envelope.data };
}

/**
 * DESIGN §8 settle latency during the opening spike: `count` buyers beside the spike's own, each
 * arriving at a random moment of `windowMs` from the opening, enter an order (again while it is
 * not open yet), open its stream, pay, and time the 202 to the settled order's event.
 */
export async function measureSettleLatencyDuringSpike(origin: string, item: { itemNum: number; price: number }, buyers: BenchUser[], count: number, windowMs: number): Promise<SettleLatency> {
  const samples: number[] = [];
  let unanswered = 0;
  let entered = 0;
  await Promise.all(
    buyers.slice(0, count).map(async (buyer) => {
      await sleep(Math.random() * windowMs);
      let order = await post(`${origin}/api/v1/orders`, buyer.token, { buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price });
      for (let tries = 0; order.status === 409 && tries < 200; tries++) {
        await sleep(50);
        order = await post(`${origin}/api/v1/orders`, buyer.token, { buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price });
      }
      if (order.status !== 200) return;
      entered += 1;
      const orderNum = order.data.orderNum!;
      const stream = await follow(origin, orderNum, buyer.token);
      const paid = await post(`${origin}/api/v1/try-payments/${orderNum}`, buyer.token);
      const acceptedAt = Date.now();
      if (paid.status !== 202) throw new Error(`try-payment answered ${paid.status}`);
      const settledAt = await withTimeout(stream.settled, 60_000);
      stream.socket.destroy();
      if (settledAt === undefined) unanswered += 1;
      else samples.push(settledAt - acceptedAt);
    }),
  );
  return { buyers: entered, settleMs: percentiles(samples), unanswered };
}

/** Opens a stream on each order, 500 at a time, each once its first event came. */
async function followAll(origin: string, orders: { orderNum: number; buyer: BenchUser }[]): Promise<Followed[]> {
  const streams: Followed[] = [];
  for (let start = 0; start < orders.length; start += 500) {
    const batch = await Promise.all(orders.slice(start, start + 500).map(({ orderNum, buyer }) => follow(origin, orderNum, buyer.token)));
    await Promise.all(batch.map((stream) => stream.opened));
    streams.push(...batch);
  }
  return streams;
}

/**
 * DESIGN §8 open order streams: `count` streams on one API process, each on an order waiting in a
 * paused line, one buyer each. RSS per stream: the process's RSS with the streams open less its
 * RSS before, each taken once it collected its garbage (collectGarbageOf), the first after a
 * warm-up that opened and dropped 1,000 streams (so that the code, the young generation and the
 * buffers a burst of streams needs are there before as after). Those streams are closed and the
 * same orders followed again, so that the drain meets a heap as a serving process has it, not one
 * that the two low-memory collections have just shrunk to its live objects (then the drain's
 * garbage brought two major collections and many scavenges of a small young generation into it:
 * some 20 µs more of the API's CPU per stream, and its p99 doubled). Then the line drains: the delay from each settle's publish, as a listener
 * of the bench's own hears it on the order changes channel, to the settled order's event on its stream.
 * Before all this, 1,000 orders of `items.warmUp` settle on their streams, so that the settle path
 * has run once, as in any process that has served a drop (else its first batch, the code not yet
 * compiled, is two to three times slower and the backlog it leaves weighs on the rest).
 */
export async function measureOpenStreams(
  bench: { config: Config; redis: Redis; orderQueues: OrderQueues },
  origin: string,
  api: InspectableProcess,
  items: { measured: { itemNum: number; price: number }; warmUp: { itemNum: number; price: number } },
  buyers: BenchUser[],
  count: number,
): Promise<OpenStreams> {
  const { config, redis, orderQueues } = bench;
  const enterAndPay = async (item: { itemNum: number; price: number }, orderCount: number) => {
    const orders: { orderNum: number; buyer: BenchUser }[] = [];
    for (let i = 0; i < orderCount; i++) {
      const buyer = buyers[i % buyers.length];
      orders.push({ orderNum: await enterAndPayInRedis(config, redis, item, buyer), buyer });
    }
    return orders;
  };
  const settling = await followAll(origin, await enterAndPay(items.warmUp, Math.min(1000, count)));
  await orderQueues.requestDrain(items.warmUp.itemNum);
  await Promise.all(settling.map((stream) => withTimeout(stream.settled, 60_000)));

  const partition = orderQueues.queues[partitionOf(items.measured.itemNum, config.queuePartitions)];
  await partition.pause();
  const orders = await enterAndPay(items.measured, count);
  const warmUp = await followAll(origin, orders.slice(0, 1000));
  for (const stream of warmUp) stream.socket.destroy();
  const rssBeforeMiB = await settledRssMiBOf(api);
  const weighed = await followAll(origin, orders);
  const rssAfterMiB = await settledRssMiBOf(api);
  for (const stream of weighed) stream.socket.destroy();
  const streams = await followAll(origin, orders);

  const observer = await PublishObserver.start({ redisUrl: config.redisUrl, channel: orderChangesChannel(config) });
  const clientLoopDelay = monitorEventLoopDelay({ resolution: 5 });
  clientLoopDelay.enable();
  const apiCpuBefore = processCpuMs(api.pid);
  const clientCpuBefore = process.cpuUsage();
  const machineCpuBefore = machineCpuTicks();
  const resumedAt = Date.now();
  await partition.resume();
  await orderQueues.requestDrain(items.measured.itemNum);
  const settledAt = await Promise.all(streams.map((stream) => withTimeout(stream.settled, 300_000)));
  const drainMs = Date.now() - resumedAt;
  const machineCpu = machineCpuShareSince(machineCpuBefore);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  clientLoopDelay.disable();
  await sleep(500);
  const apiCpuMs = processCpuMs(api.pid) - apiCpuBefore;
  const heardAt = await observer.stop();
  const apiCpuBeforeClose = processCpuMs(api.pid);
  for (const stream of streams) stream.socket.destroy();
  await sleep(500);
  const apiCloseCpuMs = processCpuMs(api.pid) - apiCpuBeforeClose;
  const delays = settledAt.flatMap((at, i) => {
    const heard = heardAt.get(orders[i].orderNum);
    return at === undefined || heard === undefined ? [] : [at - heard];
  });
  return {
    streams: streams.length,
    rssBeforeMiB,
    rssAfterMiB,
    kibPerStream: ((rssAfterMiB - rssBeforeMiB) * 1024) / streams.length,
    settleToEventMs: percentiles(delays),
    clientLoopDelayMs: { p99: Math.round(clientLoopDelay.percentile(99) / 1e6), max: Math.round(clientLoopDelay.max / 1e6) },
    drainMs,
    apiCpuUsPerStream: Math.round((apiCpuMs * 1000) / streams.length),
    apiCloseCpuUsPerStream: Math.round((apiCloseCpuMs * 1000) / streams.length),
    clientCpuUsPerStream: Math.round((clientCpu.user + clientCpu.system) / streams.length),
    machineCpu,
    unanswered: settledAt.filter((at) => at === undefined).length,
  };
}
