import type { BatchOutcome } from '../shared/orders/apply-line-batch';
import type { ServiceContext } from '../shared/context';
import type { HistoryAdded } from '../shared/orders/line-batch';
import { orderScripts, SETTLED_MIRROR_TTL_SECONDS } from '../shared/orders/order-scripts';
import { settledRecordOf } from '../shared/orders/order-changes';
import { mirroredRowsOf } from '../shared/orders/mirror-history';
import { holdsUnits, isSettled, type OrderStatus } from '../shared/orders/order-status';
import { ORDER_MIRROR_KEY_PREFIX, orderChangesChannel, redisKeys } from '../shared/redis-keys';

/** What the commit step is told to do to the mirrors a batch touched (commit-line-batch.lua, ARGV 12 on). */
interface MirrorUpdates {
  /** The mirrors it settles or adds history rows to itself, as one JSON argument. */
  now: string;
  /** The records of the orders settled later, the JSON of each joined by commas. */
  laterRecords: string;
  /** The units their failed payments give back, JSON [buyerNum, units, ...]. */
  releases: string;
  /** Those orders' numbers and settles, in pairs. */
  later: string[];
}

/**
 * What the commit step does to each mirror the batch touched: settle it, and add the history rows
 * and payment the batch wrote, now or later. A replayed batch writes no rows, yet still settles its
 * mirrors. Settles now go in one JSON argument, not six per order: a Redis client spends most of a
 * large step's time on each argument it sends.
 */
function mirrorUpdatesOf(outcome: BatchOutcome | undefined): MirrorUpdates {
  const now: unknown[] = [];
  const later: string[] = [];
  const laterRecords: string[] = [];
  const released = new Map<number, number>();
  if (outcome) {
    const added = new Map(outcome.historyAdded.map((history) => [history.orderNum, history]));
    const paid = new Set(outcome.paid);
    const atMs = String(outcome.at.getTime());
    for (const { orderNum, status, reason } of outcome.orders) {
      const history = added.get(orderNum);
      if (!history && !isSettled(status)) continue;
      const rows = history ? mirroredRowsOf(history) : [];
      const update = [isSettled(status) ? status : '', reason, history?.from ?? '', paid.has(orderNum), rows];
      if (!history || !settlesLater(history, status)) {
        now.push([String(orderNum), ...update]);
        continue;
      }
      const { order } = history;
      later.push(String(orderNum), JSON.stringify([...update, atMs, SETTLED_MIRROR_TTL_SECONDS]));
      laterRecords.push(JSON.stringify(settledRecordOf(order, reason, paid.has(orderNum) ? Number(atMs) : null, rows.map((row) => `${atMs} ${row}`))));
      if (!holdsUnits(status)) released.set(order.buyer_id, (released.get(order.buyer_id) ?? 0) + order.quantity);
    }
  }
  return { now: JSON.stringify(now), laterRecords: laterRecords.join(','), releases: JSON.stringify([...released].flat().map(String)), later };
}

/**
 * Whether the order's mirror is settled later (commit-line-batch.lua): the batch recorded the order
 * and settled its payment, so that the worker knows all of its record, and nothing but this batch
 * moved its mirror since start-payment made it IN_PROGRESS (a buyer's cancel needs INITIATED), so
 * that a failed payment's units are owed back exactly once, by this step.
 */
function settlesLater(history: HistoryAdded, status: OrderStatus): boolean {
  return history.from === null && isSettled(status) && history.steps.some((step) => step.to === 'IN_PROGRESS');
}

/**
 * The Redis step that follows a batch's MySQL transaction (commit-line-batch.lua): removes exactly
 * the batch `raw` from the head of the item's line and brings the gate and the mirrors to what
 * MySQL now holds; an empty batch (no outcome) only asks whether the line is empty.
 */
export function commitLineBatch(ctx: ServiceContext, itemNum: number, raw: string[], outcome: BatchOutcome | undefined) {
  const mirrors = mirrorUpdatesOf(outcome);
  return orderScripts.commitLineBatch.run(
    ctx.redis,
    [
      redisKeys.itemSaleState(itemNum),
      redisKeys.itemLine(itemNum),
      redisKeys.itemsWithBacklog(),
      redisKeys.itemHeldUnits(itemNum),
      redisKeys.itemSettlingOrders(itemNum),
      redisKeys.itemsSettling(),
    ],
    [
      ctx.config.redisPrefix + ORDER_MIRROR_KEY_PREFIX,
      itemNum,
      raw.length,
      raw[0] ?? '',
      outcome?.unitsReleased ?? 0,
      outcome?.lastArrivalSeq ?? 0,
      SETTLED_MIRROR_TTL_SECONDS,
      orderChangesChannel(ctx.config),
      outcome?.stock.quantity ?? '',
      outcome?.stock.version ?? '',
      outcome?.at.getTime() ?? '',
      mirrors.now,
      mirrors.laterRecords,
      mirrors.releases,
      ...mirrors.later,
    ],
  );
}
