import { serviceUnavailable, tooManyRequests } from '../errors';

export interface WatchLimits {
  /** Open streams and waits one API process holds at most. */
  perProcess: number;
  /** Open streams and waits of one buyer in one API process. */
  perBuyer: number;
}

/** Seconds a buyer over their share is asked to wait: their other streams end as their orders settle. */
const BUYER_RETRY_AFTER_SECONDS = 5;
/** A full process: another process (or this one a moment later) may have room. */
const PROCESS_RETRY_AFTER_SECONDS = 1;

/** Counts the open streams and waits of this process, in all and by buyer; a slot is given back once. */
export class WatchQuota {
  private total = 0;
  private readonly byBuyer = new Map<number, number>();

  constructor(private readonly limits: WatchLimits) {}

  get open(): number {
    return this.total;
  }

  /** A slot, or the refusal: 503 ORDER_WATCHES_AT_CAPACITY, 429 TOO_MANY_ORDER_WATCHES, each with Retry-After. */
  take(buyerNum: number): () => void {
    if (this.total >= this.limits.perProcess) {
      throw serviceUnavailable('ORDER_WATCHES_AT_CAPACITY', 'This process follows as many orders as it can; try again', PROCESS_RETRY_AFTER_SECONDS);
    }
    const held = this.byBuyer.get(buyerNum) ?? 0;
    if (held >= this.limits.perBuyer) {
      throw tooManyRequests(`At most ${this.limits.perBuyer} open order streams and waits per buyer`, BUYER_RETRY_AFTER_SECONDS, 'TOO_MANY_ORDER_WATCHES');
    }
    this.total += 1;
    this.byBuyer.set(buyerNum, held + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.total -= 1;
      const left = this.byBuyer.get(buyerNum)! - 1;
      if (left === 0) this.byBuyer.delete(buyerNum);
      else this.byBuyer.set(buyerNum, left);
    };
  }

  /** A slot, or undefined when there is none (a `Prefer: wait` that is then not honoured). */
  tryTake(buyerNum: number): (() => void) | undefined {
    try {
      return this.take(buyerNum);
    } catch {
      return undefined;
    }
  }
}
