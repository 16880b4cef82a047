import { readOrder, type OrderReading } from './get-order';
import { LINE_EVENT_INTERVAL_MS } from './line-news';
import type { OrderChangeFeed, OrderWatcher } from './order-change-feed';
import type { WatchContext } from './order-context';
import { isSettled } from './order-status';
import { waitingOrderView, type OrderDetailView } from './order-view';
import { orderVersionOf, placeInLineOf, type LineProgress, type LineSpot } from './place-in-line';

/** Where a stream's events go. */
export interface OrderEventSink {
  /** One event: the whole order, as GET /orders/{orderNum} answers it, and its version. */
  send(version: number, order: OrderDetailView): void;
  /** Nothing more will come: the settled order was sent, or the order could not be read. */
  end(): void;
}

/**
 * An order stream (DESIGN §9): the order now, then the order again at each change its owner can
 * see, until it settles. The order changes feed reads the order for it when a message names it; a
 * move of its item's line is worked out here from the batch's message, without Redis, and sent at
 * most every LINE_EVENT_INTERVAL_MS. A resumed stream sends only what is newer than the version the
 * client saw last (Last-Event-ID): each event is the whole order, so the newest one is all it missed.
 */
export class OrderFollower implements OrderWatcher {
  spot: LineSpot | undefined;
  /** The order as last read or worked out; set by open() before anyone can see the follower. */
  private latest!: OrderReading;
  private lastSentAt = 0;
  private sink: OrderEventSink | undefined;

  private constructor(
    private readonly feed: OrderChangeFeed,
    readonly orderNum: number,
    private sentVersion: number,
  ) {}

  /** Starts following; throws (403, 404) before anything is sent when the caller may not follow the order. */
  static async open(ctx: WatchContext, orderNum: number, buyerNum: number, seenVersion = 0): Promise<OrderFollower> {
    // Watch first, then read: a change published in between is heard.
    const follower = new OrderFollower(ctx.orderChanges, orderNum, seenVersion);
    ctx.orderChanges.watch(follower);
    try {
      follower.take(await readOrder(ctx, orderNum, buyerNum));
    } catch (error) {
      ctx.orderChanges.unwatch(follower);
      throw error;
    }
    return follower;
  }

  /** Sends what the client has not seen, then each change, and ends the sink once the settled order is sent. */
  start(sink: OrderEventSink): void {
    this.sink = sink;
    this.sendIfNew();
  }

  /** Stops following at once (the client went away): nothing of it is left in the feed. */
  close(): void {
    this.feed.unwatch(this);
    this.sink = undefined;
  }

  orderChanged(reading: OrderReading): void {
    this.take(reading);
    this.sendIfNew();
  }

  orderUnreadable(): void {
    // The client reconnects with Last-Event-ID and picks up where it was.
    const sink = this.sink;
    this.close();
    sink?.end();
  }

  lineMoved(line: LineProgress): boolean {
    if (this.sink && Date.now() - this.lastSentAt < LINE_EVENT_INTERVAL_MS) return true;
    const { spot, latest } = this;
    if (!spot || latest.order.status !== 'IN_PROGRESS') return false;
    const place = placeInLineOf(spot, line);
    if (place.placeInLine === latest.order.placeInLine && place.etaSeconds === latest.order.etaSeconds) return false;
    this.latest = { order: waitingOrderView(latest.order, place), version: orderVersionOf('IN_PROGRESS', spot.arrivalSeq, line.processedSeq), spot };
    this.sendIfNew();
    return false;
  }

  private take(reading: OrderReading): void {
    if (this.latest && reading.version < this.latest.version) return;
    this.latest = reading;
    this.feed.place(this, reading.spot);
  }

  private sendIfNew(): void {
    const { latest, sink } = this;
    if (!sink) return;
    if (latest.version > this.sentVersion) {
      this.sentVersion = latest.version;
      this.lastSentAt = Date.now();
      sink.send(latest.version, latest.order);
    }
    if (isSettled(latest.order.status)) {
      this.close();
      sink.end();
    }
  }
}
