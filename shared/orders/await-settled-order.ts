import type { WatchContext } from './order-context';
import { isSettled } from './order-status';
import { readOrder, type OrderReading } from './get-order';
import type { OrderWatcher } from './order-change-feed';

/** The longest `Prefer: wait` honoured (DESIGN §9); longer ones are cut to it. */
export const MAX_WAIT_SECONDS = 30;

/**
 * `Prefer: wait`: the order as it stands once it settles or `seconds` pass, whichever comes first
 * (or at once when the caller goes away). It is read when the wait starts, when the order changes
 * channel names it, and when the wait ends, so a message lost on the way only delays the answer.
 */
export async function awaitSettledOrder(ctx: WatchContext, orderNum: number, buyerNum: number, seconds: number, signal: AbortSignal): Promise<OrderReading> {
  const wake = new Wakeup();
  const watcher: OrderWatcher = { orderNum, orderChanged: (reading) => wake.wake(reading), orderUnreadable: () => wake.wake(), lineMoved: () => false };
  const timer = setTimeout(() => wake.end(), seconds * 1000);
  const onAbort = () => wake.end();
  signal.addEventListener('abort', onAbort);
  ctx.orderChanges.watch(watcher);
  try {
    let reading = await readOrder(ctx, orderNum, buyerNum);
    for (;;) {
      ctx.orderChanges.place(watcher, reading.spot);
      if (isSettled(reading.order.status) || wake.ended) return reading;
      const told = await wake.next();
      reading = told && !wake.ended ? told : await readOrder(ctx, orderNum, buyerNum);
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    ctx.orderChanges.unwatch(watcher);
  }
}

/**
 * Wakes one waiting loop, with the order when the feed read it: once per wake() (a wake while the
 * loop reads is kept, not lost), and for good at end().
 */
class Wakeup {
  ended = false;
  private pending = false;
  private told: OrderReading | undefined;
  private resolve: ((told: OrderReading | undefined) => void) | undefined;

  wake(told?: OrderReading): void {
    this.pending = true;
    this.told = told;
    const resolve = this.resolve;
    if (!resolve) return;
    this.resolve = undefined;
    this.pending = false;
    resolve(told);
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  next(): Promise<OrderReading | undefined> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(this.told);
    }
    return new Promise((resolve) => (this.resolve = resolve));
  }
}
