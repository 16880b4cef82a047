import { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { closeRedis, REDIS_OPTIONS } from '../redis';
import { orderChangesChannel } from '../redis-keys';
import { settledReadingOf, type OrderReading } from './get-order';
import { decodeOrderChange, settledProgressOf, type OrderChange } from './order-changes';
import { LineNews, type LineWatcher } from './line-news';
import type { LineSpot } from './place-in-line';
import { WatchedOrderReads } from './watched-order-reads';
import { WatcherIndex } from './watcher-index';

/** Someone in this process following one order: a buyer's stream or a `Prefer: wait` answer. */
export interface OrderWatcher extends LineWatcher {
  readonly orderNum: number;
  /** Set while the order waits in its item's line, so that batches of that line reach the watcher. */
  spot?: LineSpot;
  /** The order as it stands now, read when the order changes channel named it, once for all its watchers. */
  orderChanged(reading: OrderReading): void;
  /** The order could not be read (for a reason other than Redis or MySQL being away, which is waited out): a change may be missed. */
  orderUnreadable(): void;
}

/**
 * One API process's end of the order changes channel (DESIGN §9): one subscriber connection, and
 * the watchers of this process by order and by item, woken by what the Lua steps publish. A line
 * batch's message carries the mirrors of the orders it settled, history and payment included, and
 * their watchers are told from it without a read; the other orders a message names (and a settled
 * one whose mirror missed rows) are read for their watchers by WatchedOrderReads, a few reads
 * however many watchers; a move of a line is told to the item's watchers from the message itself,
 * without Redis (LineNews). Nothing here asks Redis about an order no message named: a watcher reads its
 * order when it starts watching and (a wait) when it ends, so a lost message costs latency, never
 * a wrong answer. When the subscription is made again after a lost connection, every watched order
 * is read once, for what was published meanwhile.
 */
export class OrderChangeFeed {
  private readonly byOrder = new WatcherIndex<number, OrderWatcher>();
  private readonly byItem = new WatcherIndex<number, OrderWatcher>();
  private readonly lineNews = new LineNews(this.byItem);
  private readonly reads: WatchedOrderReads;
  private readonly channel: string;
  /** Pub/sub needs a connection of its own; without keyPrefix, which names keys, not channels. */
  readonly subscriber: Redis;
  private subscribed = false;

  constructor(
    config: Pick<Config, 'redisUrl' | 'redisPrefix'>,
    private readonly logger: Logger,
    /** Reads orders for their watchers (get-order.ts readOrders). */
    readOrders: (orderNums: number[]) => Promise<Map<number, OrderReading>>,
  ) {
    this.reads = new WatchedOrderReads(
      {
        read: readOrders,
        isWatched: (orderNum) => this.byOrder.has(orderNum),
        deliver: (readings, asked) => asked.forEach((orderNum) => this.tellRead(orderNum, readings.get(orderNum))),
        fail: (orderNums) => orderNums.forEach((orderNum) => this.tellRead(orderNum, undefined)),
      },
      logger,
    );
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
    this.reads.stop();
    this.lineNews.stop();
    await closeRedis(this.subscriber);
  }

  /** Watchers in this process now. */
  get size(): number {
    return this.byOrder.size;
  }

  /** Items whose line some watcher follows now. */
  get itemsWatched(): number {
    return this.byItem.keyCount;
  }

  watch(watcher: OrderWatcher): void {
    this.byOrder.add(watcher.orderNum, watcher);
    if (watcher.spot) this.byItem.add(watcher.spot.itemNum, watcher);
  }

  unwatch(watcher: OrderWatcher): void {
    this.byOrder.delete(watcher.orderNum, watcher);
    if (watcher.spot) this.byItem.delete(watcher.spot.itemNum, watcher);
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
      if (this.byOrder.has(change.orderNum)) this.reads.ask([change.orderNum]);
      return;
    }
    const unread: number[] = [];
    change.settled.forEach((orderNum, i) => {
      if (!this.byOrder.has(orderNum)) return;
      // Out of the line: no more line news for it.
      this.byOrder.list(orderNum).forEach((watcher) => this.place(watcher, undefined));
      const reading = settledReadingOf(orderNum, settledProgressOf(change, i));
      if (reading) this.tellRead(orderNum, reading);
      else unread.push(orderNum);
    });
    this.reads.ask(unread);
    const passed: number[] = [];
    this.byItem.list(change.itemNum).forEach((watcher) => {
      // The line is past it, yet no settle was heard (a message lost): read it rather than wait for nothing.
      if (change.processedSeq >= watcher.spot!.arrivalSeq) passed.push(watcher.orderNum);
    });
    this.reads.ask(passed);
    this.lineNews.moved(change.itemNum, change);
  }

  private tellRead(orderNum: number, reading: OrderReading | undefined): void {
    this.byOrder.list(orderNum).forEach((watcher) => (reading ? watcher.orderChanged(reading) : watcher.orderUnreadable()));
  }

  private async resubscribed(): Promise<void> {
    // ioredis subscribes again on its own; this answers once that is done too, then everyone catches up.
    await this.subscriber.subscribe(this.channel);
    this.reads.ask(this.byOrder.keys());
  }
}
