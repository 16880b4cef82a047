import type { BatchOutcome } from '../shared/orders/apply-line-batch';
import type { ServiceContext } from '../shared/context';
import { orderScripts, SETTLED_MIRROR_TTL_SECONDS } from '../shared/orders/order-scripts';
import { mirroredRowsOf } from '../shared/orders/mirror-history';
import { isSettled } from '../shared/orders/order-status';
import { ORDER_MIRROR_KEY_PREFIX, orderChangesChannel, redisKeys } from '../shared/redis-keys';

/**
 * What the commit step does to each mirror the batch touched: settle it, and add the history rows
 * and payment the batch wrote. A replayed batch writes no rows, yet still settles its mirrors.
 * One JSON argument, not six per order: a Redis client spends most of a large step's time on each
 * argument it sends.
 */
function mirrorUpdatesOf(outcome: BatchOutcome | undefined): string {
  if (!outcome) return '[]';
  const added = new Map(outcome.historyAdded.map((history) => [history.orderNum, history]));
  const paid = new Set(outcome.paid);
  return JSON.stringify(
    outcome.orders.flatMap(({ orderNum, status, reason }) => {
      const history = added.get(orderNum);
      if (!history && !isSettled(status)) return [];
      return [[String(orderNum), isSettled(status) ? status : '', reason, history?.from ?? '', paid.has(orderNum), history ? mirroredRowsOf(history) : []]];
    }),
  );
}

/**
 * The Redis step that follows a batch's MySQL transaction (commit-line-batch.lua): removes exactly
 * the batch `raw` from the head of the item's line and brings the gate and the mirrors to what
 * MySQL now holds; an empty batch (no outcome) only asks whether the line is empty.
 */
export function commitLineBatch(ctx: ServiceContext, itemNum: number, raw: string[], outcome: BatchOutcome | undefined) {
  return orderScripts.commitLineBatch.run(
    ctx.redis,
    [redisKeys.itemSaleState(itemNum), redisKeys.itemLine(itemNum), redisKeys.itemsWithBacklog(), redisKeys.itemHeldUnits(itemNum)],
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
      mirrorUpdatesOf(outcome),
    ],
  );
}
