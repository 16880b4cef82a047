import type { LineProgress } from './place-in-line';

/** Place-in-line news reaches a watcher at most this often; status changes go at once. */
export const LINE_EVENT_INTERVAL_MS = 500;

/**
 * Watchers told in one go before the others wait for the next turn of the event loop: telling one
 * costs tens of µs (an event written to its socket), so 10,000 watchers of one item told at once
 * would hold back for 200 ms the settled orders every buyer waits for.
 */
const WATCHERS_PER_SLICE = 200;
/**
 * The most of the process's time the news of one item's line may take: after a slice that kept the
 * process busy for T ms, the next slice (or the next tell, after the last) comes no sooner than
 * T × (1 / share − 1) ms later. Place-in-line news to 10,000 watchers then comes every few seconds
 * instead of every 500 ms, and the settled orders keep the rest of the process while it is told,
 * rather than every other turn of the event loop (with slices back to back, a tell to 10,000
 * watchers took half the process for as long as a drain of 10,000 orders lasts).
 */
const MOST_TIME_SHARE = 0.2;

/** A watcher of an item's line, as the line news sees it. */
export interface LineWatcher {
  spot?: { arrivalSeq: number };
  /**
   * The line moved without settling its order. True when the watcher put the news off (it told its
   * client something less than LINE_EVENT_INTERVAL_MS ago) and wants the line again at the next tick.
   */
  lineMoved(line: LineProgress): boolean;
}

/** An item whose line is being told, or was told less than LINE_EVENT_INTERVAL_MS ago. */
interface LineTurn {
  line: LineProgress;
  /** Something to tell at the next tick: the line moved again, or a watcher put it off. */
  news: boolean;
  cancel: () => void;
}

/**
 * Tells the watchers of each item where its line is (DESIGN §9: place in line at most every
 * LINE_EVENT_INTERVAL_MS): at once when the line moves after a quiet spell, else at the next tick,
 * with whatever it moved to by then. The watchers of an item are told in slices, so that reads and
 * settled orders are handled in between, and with many watchers the ticks come further apart
 * (MOST_TIME_SHARE): the place in line comes less often rather than a settled order later.
 */
export class LineNews {
  private readonly turns = new Map<number, LineTurn>();

  constructor(private readonly watchers: { list(itemNum: number): LineWatcher[]; includes(itemNum: number, watcher: LineWatcher): boolean }) {}

  moved(itemNum: number, line: LineProgress): void {
    const turn = this.turns.get(itemNum);
    if (turn) {
      turn.line = line;
      turn.news = true;
    } else {
      this.tell(itemNum, line);
    }
  }

  stop(): void {
    this.turns.forEach((turn) => turn.cancel());
    this.turns.clear();
  }

  private tell(itemNum: number, line: LineProgress): void {
    const waiting = this.watchers.list(itemNum);
    if (waiting.length === 0) return;
    let told = 0;
    const turn: LineTurn = { line, news: false, cancel: () => {} };
    const tellStarted = performance.now();
    const tellSlice = () => {
      const sliceStarted = performance.now();
      const { processedSeq } = turn.line;
      for (const end = Math.min(told + WATCHERS_PER_SLICE, waiting.length); told < end; told++) {
        const watcher = waiting[told];
        if (this.watchers.includes(itemNum, watcher) && watcher.spot!.arrivalSeq > processedSeq && watcher.lineMoved(turn.line)) turn.news = true;
      }
      // The events are written to their sockets on the next tick, queued before this: counted too.
      process.nextTick(() => {
        const restMs = (performance.now() - sliceStarted) * (1 / MOST_TIME_SHARE - 1);
        if (told < waiting.length) {
          const next = setTimeout(tellSlice, restMs).unref();
          turn.cancel = () => clearTimeout(next);
          return;
        }
        const tick = setTimeout(() => {
          this.turns.delete(itemNum);
          if (turn.news) this.tell(itemNum, turn.line);
        }, Math.max(LINE_EVENT_INTERVAL_MS - (performance.now() - tellStarted), restMs)).unref();
        turn.cancel = () => clearTimeout(tick);
      });
    };
    this.turns.set(itemNum, turn);
    tellSlice();
  }
}
