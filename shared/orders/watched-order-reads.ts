import { isDependencyOutage } from '../dependency-outage';
import type { Logger } from '../logger';
import { withTransientRetry } from '../transient-retry';
import type { OrderReading } from './get-order';

/** Most orders one read asks for (a drain batch settles at most DRAIN_BATCH_SIZE, 1,000 by default). */
const MOST_ORDERS_PER_READ = 1000;
/** Reads under way at once: the next drain batch's orders need not wait for the last one's read. */
const READS_AT_ONCE = 3;

export interface WatchedOrderReader {
  /** Reads the orders (get-order.ts readOrders). */
  read(orderNums: number[]): Promise<Map<number, OrderReading>>;
  /** Whether someone in this process still watches the order: a read leaves out the orders nobody waits for any more. */
  isWatched(orderNum: number): boolean;
  /** Hands the orders read to their watchers; `asked` lists every order the read was for (one that does not exist is in `asked` only). */
  deliver(readings: Map<number, OrderReading>, asked: number[]): void;
  /** The orders could not be read, for a reason other than Redis or MySQL being away (a bug): their watchers may wait in vain. */
  fail(orderNums: number[], error: unknown): void;
}

/**
 * The reads of one API process's watched orders, however many watchers ask: a few reads at a time,
 * and the orders asked for while they run go into the next, so that a drain that settles thousands
 * of orders a second costs a few reads, not one per watcher (which, queued on the MySQL pool,
 * timed out and ended the streams they were for). While Redis or MySQL is away the read is tried
 * again until it succeeds or nobody watches its orders any more: it costs the watchers latency,
 * not their stream.
 */
export class WatchedOrderReads {
  private readonly asked = new Set<number>();
  private reading = 0;
  /** Aborted by stop(): ends the wait of a read being tried again. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly reader: WatchedOrderReader,
    private readonly logger: Logger,
  ) {}

  /** Reads the orders soon: at once unless READS_AT_ONCE reads run, else as soon as one of them is done. */
  ask(orderNums: Iterable<number>): void {
    for (const orderNum of orderNums) this.asked.add(orderNum);
    if (this.reading < READS_AT_ONCE && this.asked.size > 0) void this.readWhileAsked();
  }

  stop(): void {
    this.stopping.abort();
  }

  private async readWhileAsked(): Promise<void> {
    this.reading += 1;
    while (this.asked.size > 0 && !this.stopping.signal.aborted) {
      const orderNums = this.nextOrders();
      if (orderNums.length > 0) await this.readAndDeliver(orderNums);
    }
    this.reading -= 1;
  }

  private nextOrders(): number[] {
    const orderNums: number[] = [];
    for (const orderNum of this.asked) {
      this.asked.delete(orderNum);
      if (this.reader.isWatched(orderNum)) orderNums.push(orderNum);
      if (orderNums.length === MOST_ORDERS_PER_READ) break;
    }
    return orderNums;
  }

  private async readAndDeliver(orderNums: number[]): Promise<void> {
    const watched = () => orderNums.filter((orderNum) => this.reader.isWatched(orderNum));
    let readings: Map<number, OrderReading>;
    try {
      readings = await withTransientRetry(() => this.reader.read(watched()), {
        retryable: isDependencyOutage,
        attempts: Infinity,
        firstDelayMs: 100,
        maxDelayMs: 2000,
        giveUp: () => watched().length === 0,
        signal: this.stopping.signal,
        onRetry: (error, attempt, delayMs) =>
          this.logger.warn({ err: error, orderNums: orderNums.length, attempt, delayMs: Math.round(delayMs) }, 'watched orders not read; retrying'),
      });
    } catch (error) {
      // Given up because nobody watches them any more, or the process stops: nobody left to tell.
      if (this.stopping.signal.aborted || isDependencyOutage(error)) return;
      this.logger.error({ err: error, orderNums: orderNums.length }, 'watched orders could not be read');
      this.reader.fail(orderNums, error);
      return;
    }
    this.reader.deliver(readings, orderNums);
  }
}
