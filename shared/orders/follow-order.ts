import { withTransientRetry } from '../transient-retry';
import { readOrder, type OrderReading } from './get-order';
import { WATCHER_READ_RETRY, type OrderWatcher } from './order-change-feed';
import type { WatchContext } from './order-context';
import { isSettled } from './order-status';
import { orderVersionOf, placeInLineOf, type LineProgress, type LineSpot } from './place-in-line';

/** Place-in-line events of one stream come at most this often; status changes go at once. */
export const LINE_EVENT_INTERVAL_MS = 500;

/** Where a stream's events go: each is the whole order, as GET /orders/{orderNum} answers it, with its version. */
export type OrderEventSink = (reading: OrderReading) => void;

/**
 * An order stream (DESIGN §9): the order now, then the order again at each change its owner can
 * see, until it settles. Status changes are read from Redis when the order changes channel names
 * the order; a move of its item's line is worked out here from the batch's message, without
 * Redis, and sent at most every LINE_EVENT_INTERVAL_MS. A resumed stream sends only what is newer
 * than the version the client saw last (Last-Event-ID): each event is the whole order, so the
 * newest one is all it missed.
 */
export class OrderFollower implements OrderWatcher {
  spot: LineSpot | undefined;
  /** The order as last read or worked out; set by open() before anyone can see the follower. */
  private latest!: OrderReading;
  private lastSentAt = 0;
  private reading = false;
  private readAgain = false;
  /** Aborted by close(): ends the wait of a read being tried again. */
  private readAbort: AbortController | undefined;
  private lineTimer: NodeJS.Timeout | undefined;
  private pendingLine: LineProgress | undefined;
  private sink: OrderEventSink | undefined;
  private finish: (() => void) | undefined;

  private constructor(
    private readonly ctx: WatchContext,
    readonly orderNum: number,
    private readonly buyerNum: number,
    private sentVersion: number,
  ) {}

  /** Starts following; throws (403, 404) before anything is sent when the caller may not follow the order. */
  static async open(ctx: WatchContext, orderNum: number, buyerNum: number, seenVersion = 0): Promise<OrderFollower> {
    // Watch first, then read: a change published in between is heard.
    const follower = new OrderFollower(ctx, orderNum, buyerNum, seenVersion);
    ctx.orderChanges.watch(follower);
    try {
      follower.take(await readOrder(ctx, orderNum, buyerNum));
    } catch (error) {
      ctx.orderChanges.unwatch(follower);
      throw error;
    }
    return follower;
  }

  /** Sends what the client has not seen, then each change; resolves once the settled order is sent or close() is called. */
  run(sink: OrderEventSink): Promise<void> {
    this.sink = sink;
    const finished = new Promise<void>((resolve) => (this.finish = resolve));
    this.sendIfNew();
    return finished;
  }

  /** Stops following at once (the client went away): no listener, no timer left. */
  close(): void {
    clearTimeout(this.lineTimer);
    this.lineTimer = undefined;
    this.readAbort?.abort();
    this.ctx.orderChanges.unwatch(this);
    this.sink = undefined;
    this.finish?.();
    this.finish = undefined;
  }

  orderChanged(reading?: OrderReading): void {
    if (reading) {
      this.take(reading);
      this.sendIfNew();
      return;
    }
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    this.readAbort = new AbortController();
    withTransientRetry(() => readOrder(this.ctx, this.orderNum, this.buyerNum), { ...WATCHER_READ_RETRY, signal: this.readAbort.signal })
      .then((reading) => {
        this.reading = false;
        this.readAbort = undefined;
        if (!this.sink) return;
        this.take(reading);
        this.sendIfNew();
        if (this.readAgain) {
          this.readAgain = false;
          this.orderChanged();
        }
      })
      .catch((error: unknown) => {
        if (!this.sink) return;
        // Redis or MySQL stayed away for seconds, or worse: the client reconnects with Last-Event-ID and picks up where it was.
        this.ctx.logger.warn({ err: error, orderNum: this.orderNum }, 'order stream ended: the order could not be read');
        this.close();
      });
  }

  lineMoved(line: LineProgress): void {
    const wait = this.lastSentAt + LINE_EVENT_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.pendingLine = line;
      this.lineTimer ??= setTimeout(() => this.movePendingLine(), wait);
      return;
    }
    this.moveTo(line);
  }

  private movePendingLine(): void {
    this.lineTimer = undefined;
    const line = this.pendingLine;
    this.pendingLine = undefined;
    if (line) this.moveTo(line);
  }

  private moveTo(line: LineProgress): void {
    const { spot, latest } = this;
    if (!spot || latest.order.status !== 'IN_PROGRESS') return;
    const place = placeInLineOf(spot, line);
    if (place.placeInLine === latest.order.placeInLine && place.etaSeconds === latest.order.etaSeconds) return;
    this.latest = { order: { ...latest.order, ...place }, version: orderVersionOf('IN_PROGRESS', spot.arrivalSeq, line.processedSeq), spot };
    this.sendIfNew();
  }

  private take(reading: OrderReading): void {
    if (this.latest && reading.version < this.latest.version) return;
    this.latest = reading;
    this.ctx.orderChanges.place(this, reading.spot);
  }

  private sendIfNew(): void {
    const { latest } = this;
    if (!this.sink) return;
    if (latest.version > this.sentVersion) {
      this.sentVersion = latest.version;
      this.lastSentAt = Date.now();
      this.sink(latest);
    }
    if (isSettled(latest.order.status)) this.close();
  }
}
