import type { OrderStatus } from './order-status';

/** Where a payment waits: its place among its item's payments (arrivalSeq) and the line's progress. */
export interface LineSpot {
  itemNum: number;
  arrivalSeq: number;
}

export interface LineProgress {
  /** The item's last payment applied in MySQL. */
  processedSeq: number;
  /** Payments the item's line applies per second lately (null: not known yet). */
  drainRate: number | null;
}

/** What a buyer sees of a waiting payment: payments ahead of it, counting itself, and when its turn should come. */
export interface PlaceInLine {
  placeInLine: number;
  etaSeconds: number | null;
}

export function placeInLineOf(spot: Pick<LineSpot, 'arrivalSeq'>, line: LineProgress): PlaceInLine {
  const placeInLine = Math.max(1, spot.arrivalSeq - line.processedSeq);
  return { placeInLine, etaSeconds: line.drainRate ? Math.ceil(placeInLine / line.drainRate) : null };
}

/** Retry-After of an order refused because payments in flight hold every unit left (STOCK_HELD). */
export const STOCK_HELD_RETRY_SECONDS = { whileRateUnknown: 2, atMost: 10 };

/**
 * When to ask again after STOCK_HELD: once the payments now in line (up to `lastArrivalSeq`) should
 * have settled at the line's recent drain rate, since those that fail give their units back. Capped,
 * so that a line that stalls (MySQL away, a dead entry) is still asked again.
 */
export function stockHeldRetryAfterSeconds(lastArrivalSeq: number, line: LineProgress): number {
  const { etaSeconds } = placeInLineOf({ arrivalSeq: lastArrivalSeq }, line);
  return Math.min(STOCK_HELD_RETRY_SECONDS.atMost, etaSeconds ?? STOCK_HELD_RETRY_SECONDS.whileRateUnknown);
}

/**
 * A number that grows with every change a buyer can see of one order (the id of its stream events):
 * 1 INITIATED; 2 + the line's processed mark while IN_PROGRESS (so each step of the line counts);
 * past every such number once settled, and once more when a settled order is canceled. The same
 * order gives the same number in every API process, so Last-Event-ID resumes on any of them.
 */
export function orderVersionOf(status: OrderStatus, arrivalSeq: number | null, processedSeq = 0): number {
  switch (status) {
    case 'INITIATED':
      return 1;
    case 'IN_PROGRESS':
      return arrivalSeq === null ? 2 : 2 + Math.min(processedSeq, arrivalSeq - 1);
    case 'CANCELED':
      return (arrivalSeq ?? 0) + 3;
    default:
      return (arrivalSeq ?? 0) + 2;
  }
}
