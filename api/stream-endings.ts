import type { Response } from 'express';

/**
 * How many answers end per turn of the event loop: each end (its write, the socket's close, the
 * access log and metrics) costs some 100 µs, so a turn spends about 5 ms on them.
 */
const ENDS_PER_TURN = 50;

/**
 * Event streams to end soon, a few per turn of the event loop, each turn after the I/O that came
 * meanwhile (setImmediate runs after the poll phase). A line batch settles hundreds of streams
 * at once: each gets its last event written at once, and its teardown, which costs about twice
 * what the event does, waits here. The next batch's message, read meanwhile, is then handled
 * before the rest of the teardowns rather than behind them all.
 */
export class StreamEndings {
  private readonly waiting: Response[] = [];
  private scheduled = false;

  add(res: Response): void {
    this.waiting.push(res);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.endSome);
  }

  private readonly endSome = (): void => {
    // An answer whose client went away meanwhile ends as a no-op (nothing is written on a destroyed socket).
    for (const res of this.waiting.splice(0, ENDS_PER_TURN)) res.end();
    if (this.waiting.length > 0) setImmediate(this.endSome);
    else this.scheduled = false;
  };
}
