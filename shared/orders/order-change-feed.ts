import { Redis } from 'ioredis';
import type { Config } from '../config';
import { isDependencyOutage } from '../dependency-outage';
import type { Logger } from '../logger';
import { closeRedis, REDIS_OPTIONS } from '../redis';
import { orderChangesChannel } from '../redis-keys';
import { withTransientRetry, type RetryPolicy } from '../transient-retry';
import type { OrderReading } from './get-order';
import { decodeOrderChange, type OrderChange } from './order-changes';
import type { LineProgress, LineSpot } from './place-in-line';

/**
 * How a read for watchers meets Redis or MySQL being away for a moment (a pool that times out
 * under a spike): tried again for a few seconds, so that it costs the watchers latency, not their
 * stream.
 */
export const WATCHER_READ_RETRY: RetryPolicy = { retryable: isDependencyOutage, attempts: 6, firstDelayMs: 100, maxDelayMs: 2000 };

/** Someone in this process following one order: a buyer's stream or a `Prefer: wait` answer. */
export interface OrderWatcher {
  readonly orderNum: number;
  /** Set while the order waits in its item's line, so that batches of that line reach the watcher. */
  spot?: LineSpot;
  /** The order changed: here it is, read for every watcher of the batch at once; or, without it, read it again. */
  orderChanged(reading?: OrderReading): void;
  /** Its item's line moved without settling it. */
  lineMoved(line: LineProgress): void;
}

/**
 * One API process's end of the order changes channel (DESIGN §9): one subscriber connection, and
 * the watchers of this process by order and by item, woken by what the Lua steps publish. Nothing
 * here asks Redis about a watcher's order: a watcher reads it when it starts watching and when it
 * is told to, so a lost message costs it latency (until its wait ends or its line moves on), never
 * a wrong answer. When the subscription is made again after a lost connection, every watcher reads
 * its order once, for what was published meanwhile.
 */
export class OrderChangeFeed {
  private readonly byOrder = new Map<number, Set<OrderWatcher>>();
  private readonly byItem = new Map<number, Set<OrderWatcher>>();
  private readonly channel: string;
  /** Pub/sub needs a connection of its own; without keyPrefix, which names keys, not channels. */
  readonly subscriber: Redis;
  private subscribed = false;
  /** Aborted by stop(): ends the waits of reads being tried again. */
  private readonly stopping = new AbortController();

  constructor(
    config: Pick<Config, 'redisUrl' | 'redisPrefix'>,
    private readonly logger: Logger,
    /** Reads the orders a line batch settled, for all their watchers at once (get-order.ts readOrdersInFlight). */
    private readonly readOrders: (orderNums: number[]) => Promise<Map<number, OrderReading>>,
  ) {
    this.channel = orderChangesChannel(config);
    // Named after its channel, so that an operator (or a test) finds it in CLIENT LIST.
    this.subscriber = new Redis(config.redisUrl, { ...REDIS_OPTIONS.patient, lazyConnect: true, connectionName: this.channel });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.tell(decodeOrderChange(message));
    });
    this.subscriber.on('ready', () => {
      if (this.subscribed) this.resubscribed().catch((error: unknown) => this.logger.warn({ err: error }, 'order changes not subscribed again'));
    });
    // Its loss and return are logged once by the API's own client (RedisRecovery).
    this.subscriber.on('error', () => {});
  }

  async start(): Promise<void> {
    await this.subscriber.connect();
    await this.subscriber.subscribe(this.channel);
    this.subscribed = true;
  }

  async stop(): Promise<void> {
    this.subscribed = false;
    this.stopping.abort();
    await closeRedis(this.subscriber);
  }

  /** Watchers in this process now. */
  get size(): number {
    let size = 0;
    for (const watchers of this.byOrder.values()) size += watchers.size;
    return size;
  }

  /** Items whose line some watcher follows now. */
  get itemsWatched(): number {
    return this.byItem.size;
  }

  watch(watcher: OrderWatcher): void {
    addTo(this.byOrder, watcher.orderNum, watcher);
    if (watcher.spot) addTo(this.byItem, watcher.spot.itemNum, watcher);
  }

  unwatch(watcher: OrderWatcher): void {
    removeFrom(this.byOrder, watcher.orderNum, watcher);
    if (watcher.spot) removeFrom(this.byItem, watcher.spot.itemNum, watcher);
  }

  /** The watcher's order took a place in a line, or left it (undefined). */
  place(watcher: OrderWatcher, spot: LineSpot | undefined): void {
    if (watcher.spot?.itemNum === spot?.itemNum && watcher.spot?.arrivalSeq === spot?.arrivalSeq) return;
    this.unwatch(watcher);
    watcher.spot = spot;
    this.watch(watcher);
  }

  private tell(change: OrderChange | undefined): void {
    if (!change) return;
    if (change.kind === 'order') {
      this.byOrder.get(change.orderNum)?.forEach((watcher) => watcher.orderChanged());
      return;
    }
    const settled = new Set(change.settled);
    this.tellSettled([...settled].filter((orderNum) => this.byOrder.has(orderNum)));
    this.byItem.get(change.itemNum)?.forEach((watcher) => {
      if (settled.has(watcher.orderNum)) return;
      // The line is past it, yet no settle was heard: read it again rather than wait for nothing.
      if (change.processedSeq >= watcher.spot!.arrivalSeq) watcher.orderChanged();
      else watcher.lineMoved(change);
    });
  }

  /**
   * One read for all the watched orders a batch settled, however many watch them, tried again while
   * Redis or MySQL is away rather than fanning out to one read per watcher. A watcher whose order it
   * misses, or all of them once it gives up, read their own.
   */
  private tellSettled(orderNums: number[]): void {
    if (orderNums.length === 0) return;
    const tell = (readings: Map<number, OrderReading>) =>
      orderNums.forEach((orderNum) => this.byOrder.get(orderNum)?.forEach((watcher) => watcher.orderChanged(readings.get(orderNum))));
    const readWatched = () => {
      const watched = orderNums.filter((orderNum) => this.byOrder.has(orderNum));
      return watched.length > 0 ? this.readOrders(watched) : Promise.resolve(new Map<number, OrderReading>());
    };
    const retry: RetryPolicy = {
      ...WATCHER_READ_RETRY,
      signal: this.stopping.signal,
      onRetry: (error, attempt, delayMs) =>
        this.logger.warn({ err: error, orderNums: orderNums.length, attempt, delayMs: Math.round(delayMs) }, 'settled orders not read for their watchers; retrying'),
    };
    withTransientRetry(readWatched, retry).then(tell, (error: unknown) => {
      if (this.stopping.signal.aborted) return;
      this.logger.warn({ err: error, orderNums: orderNums.length }, 'settled orders not read for their watchers; each reads its own');
      tell(new Map());
    });
  }

  private async resubscribed(): Promise<void> {
    // ioredis subscribes again on its own; this answers once that is done too, then everyone catches up.
    await this.subscriber.subscribe(this.channel);
    this.byOrder.forEach((watchers) => watchers.forEach((watcher) => watcher.orderChanged()));
  }
}

function addTo<K>(index: Map<K, Set<OrderWatcher>>, key: K, watcher: OrderWatcher): void {
  let watchers = index.get(key);
  if (!watchers) index.set(key, (watchers = new Set()));
  watchers.add(watcher);
}

function removeFrom<K>(index: Map<K, Set<OrderWatcher>>, key: K, watcher: OrderWatcher): void {
  const watchers = index.get(key);
  if (!watchers) return;
  watchers.delete(watcher);
  if (watchers.size === 0) index.delete(key);
}
