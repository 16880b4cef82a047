/**
 * Per API process: items that Redis has just answered SOLD_OUT for, remembered for a moment, so
 * that the flood of orders after a drop sells out is answered without even a Redis round trip.
 * The cost is that units coming back (a refund, a seller adding stock) reach this process's
 * buyers up to `ttlMs` later.
 */
export class SoldOutMemo {
  private readonly until = new Map<number, number>();

  constructor(private readonly ttlMs: number) {}

  remember(itemNum: number, now = Date.now()): void {
    if (this.ttlMs > 0) this.until.set(itemNum, now + this.ttlMs);
  }

  /** Takes any value (the raw request body's itemNum): only a remembered item number says yes. */
  isSoldOut(itemNum: unknown, now = Date.now()): boolean {
    if (typeof itemNum !== 'number') return false;
    const until = this.until.get(itemNum);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(itemNum);
    return false;
  }
}
