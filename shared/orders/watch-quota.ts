import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { serviceUnavailable, tooManyRequests } from '../errors';
import type { Logger } from '../logger';
import { redisKeys } from '../redis-keys';
import { orderScripts } from './order-scripts';

export interface WatchLimits {
  /** Open streams and waits one API process holds at most. */
  perProcess: number;
  /** Open streams and waits of one buyer, across every API process. */
  perBuyer: number;
  /** How long a buyer's place outlives the process holding it, if that process dies (ms). */
  leaseMs: number;
}

/** A place among the open streams and waits: given back once, when the stream or wait ends. */
export interface WatchSlot {
  giveBack(): void;
}

/** Seconds a buyer over their share is asked to wait: their other streams end as their orders settle. */
const BUYER_RETRY_AFTER_SECONDS = 5;
/** A full process: another process (or this one a moment later) may have room. */
const PROCESS_RETRY_AFTER_SECONDS = 1;
/** Leases renewed or given back in one Redis step. */
const LEASES_PER_STEP = 1000;

/**
 * Counts the open streams and waits: this process's in memory (ORDER_WATCHES_PER_PROCESS), a
 * buyer's in Redis across every API process (ORDER_WATCHES_PER_BUYER), as one lease per stream or
 * wait in a sorted set of the buyer's. Taking a place is one Redis round trip; the places given
 * back in one turn of the event loop (a drain batch ends hundreds of streams) go back in one Redis
 * step at the next. The process renews its leases every third of their lifetime, so that the
 * places of a process that died lapse by themselves. Nothing per event.
 */
export class WatchQuota {
  private readonly leases = new Set<WatchLease>();
  /** Places being taken (the Redis round trip under way) or held: the process cap counts both. */
  private held = 0;
  /** Names this process's leases apart from every other process's. */
  private readonly processTag = randomBytes(6).toString('hex');
  private leasesTaken = 0;
  private readonly renewal: NodeJS.Timeout;
  /** Given back since the last Redis step that gave leases back. */
  private givenBack: WatchLease[] = [];

  constructor(
    private readonly limits: WatchLimits,
    private readonly redis: Redis,
    private readonly logger: Logger,
  ) {
    this.renewal = setInterval(() => void this.renew(), limits.leaseMs / 3).unref();
  }

  /** Places held now in this process. */
  get open(): number {
    return this.leases.size;
  }

  /** A place, or the refusal: 503 ORDER_WATCHES_AT_CAPACITY, 429 TOO_MANY_ORDER_WATCHES, each with Retry-After. */
  async take(buyerNum: number): Promise<WatchSlot> {
    if (this.held >= this.limits.perProcess) {
      throw serviceUnavailable('ORDER_WATCHES_AT_CAPACITY', 'This process follows as many orders as it can; try again', PROCESS_RETRY_AFTER_SECONDS);
    }
    this.held += 1;
    const lease = new WatchLease(this, buyerNum, (this.leasesTaken += 1));
    let taken = false;
    try {
      taken = await orderScripts.takeWatchLease.run(this.redis, [lease.key], [this.idOf(lease), this.limits.leaseMs, this.limits.perBuyer]);
    } finally {
      if (!taken) this.held -= 1;
    }
    if (!taken) {
      throw tooManyRequests(`At most ${this.limits.perBuyer} open order streams and waits per buyer`, BUYER_RETRY_AFTER_SECONDS, 'TOO_MANY_ORDER_WATCHES');
    }
    this.leases.add(lease);
    return lease;
  }

  /** Stops renewing; the leases given back in this turn of the event loop go back to Redis now, before it is closed. */
  stop(): void {
    clearInterval(this.renewal);
    void this.releaseGivenBack();
  }

  /** Gives a lease back: its place here at once, in Redis at the next turn of the event loop (if that fails, the lease lapses). */
  release(lease: WatchLease): void {
    if (!this.leases.delete(lease)) return;
    this.held -= 1;
    if (this.givenBack.push(lease) === 1) setImmediate(() => void this.releaseGivenBack());
  }

  private idOf(lease: WatchLease): string {
    return `${this.processTag}:${lease.seq}`;
  }

  private async releaseGivenBack(): Promise<void> {
    const leases = this.givenBack;
    this.givenBack = [];
    try {
      await inSteps(leases, (batch) => orderScripts.releaseWatchLeases.run(this.redis, batch.map(keyOf), batch.map((lease) => this.idOf(lease))));
    } catch (error) {
      this.logger.debug({ err: error, leases: leases.length }, 'watch leases not given back; they lapse');
    }
  }

  private async renew(): Promise<void> {
    const leases = [...this.leases];
    try {
      await inSteps(leases, (batch) => orderScripts.renewWatchLeases.run(this.redis, batch.map(keyOf), [this.limits.leaseMs, ...batch.map((lease) => this.idOf(lease))]));
    } catch (error) {
      // Tried again at the next renewal; meanwhile a lapsed place may let its buyer open one more.
      this.logger.warn({ err: error, leases: leases.length }, 'watch leases not renewed');
    }
  }
}

/** Runs `step` on the leases, LEASES_PER_STEP at a time, one after the other. */
async function inSteps(leases: WatchLease[], step: (batch: WatchLease[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < leases.length; start += LEASES_PER_STEP) await step(leases.slice(start, start + LEASES_PER_STEP));
}

const keyOf = (lease: WatchLease) => lease.key;

class WatchLease implements WatchSlot {
  constructor(
    private readonly quota: WatchQuota,
    private readonly buyerNum: number,
    readonly seq: number,
  ) {}

  get key(): string {
    return redisKeys.buyerWatchLeases(this.buyerNum);
  }

  giveBack(): void {
    this.quota.release(this);
  }
}
