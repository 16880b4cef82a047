import { forbidden, notFound } from '../errors';
import { ITEM_KEY_PREFIX, redisKeys } from '../redis-keys';
import type { OrderContext } from './order-context';
import { findOrders, historiesOf, orderViewOf, paymentsOf } from './order-repository';
import { orderScripts, type OrderProgress } from './order-scripts';
import { isSettled } from './order-status';
import { waitingOrderView, type OrderDetailView, type OrderView } from './order-view';
import { orderVersionOf, placeInLineOf, type LineSpot } from './place-in-line';

/** What reading orders takes. */
type OrderReader = Pick<OrderContext, 'config' | 'redis' | 'db'>;

/** An order as its owner sees it, with what a watcher needs to follow it. */
export interface OrderReading {
  order: OrderDetailView;
  /** Grows with every change the owner can see (place-in-line.ts). */
  version: number;
  /** Where it waits, while IN_PROGRESS in its item's line. */
  spot?: LineSpot;
}

/**
 * The poll of one order (owner only). While the order is under way it is answered from the Redis
 * mirror in one round trip, with its place in line; once settled, history and payment come from MySQL.
 */
export async function getOrder(ctx: OrderContext, orderNum: number, buyerNum: number): Promise<OrderDetailView> {
  return (await readOrder(ctx, orderNum, buyerNum)).order;
}

export async function readOrder(ctx: OrderContext, orderNum: number, buyerNum: number): Promise<OrderReading> {
  const reading = (await readOrders(ctx, [orderNum])).get(orderNum);
  if (!reading) throw notFound('Order', 'ORDER_NOT_FOUND');
  if (reading.order.buyerNum !== buyerNum) throw forbidden();
  return reading;
}

/**
 * Many orders at once (those that do not exist are left out), however many: the mirrors in one
 * Lua step (a millisecond or two of Redis for a thousand); for the settled ones, one query each
 * for their histories and payments; orders whose mirror is gone (a day after they settled) in one
 * more query. What the
 * watchers of a line batch are told, read once for all of them. No owner check: a watcher was
 * checked when it started watching.
 */
export async function readOrders(ctx: OrderReader, orderNums: number[]): Promise<Map<number, OrderReading>> {
  const progresses = await progressesOf(ctx, orderNums);
  const rows = await findOrders(ctx.db, orderNums.filter((_, i) => !progresses[i]));
  const settled = orderNums.filter((_, i) => progresses[i] && isSettled(progresses[i].status));
  const records = await recordsOf(ctx, [...settled, ...rows.keys()]);
  const readings = new Map<number, OrderReading>();
  orderNums.forEach((orderNum, i) => {
    const progress = progresses[i];
    const row = rows.get(orderNum);
    if (progress) readings.set(orderNum, readingOf(orderNum, progress, records));
    else if (row) readings.set(orderNum, { order: withRecords(orderViewOf(row), null, records), version: orderVersionOf(row.status, row.arrival_seq) });
  });
  return readings;
}

interface OrderRecords {
  histories: Awaited<ReturnType<typeof historiesOf>>;
  payments: Awaited<ReturnType<typeof paymentsOf>>;
}

async function progressesOf(ctx: OrderReader, orderNums: number[]): Promise<(OrderProgress | undefined)[]> {
  if (orderNums.length === 0) return [];
  return orderScripts.readOrdersProgress.run(ctx.redis, orderNums.map(redisKeys.orderMirror), [ctx.config.redisPrefix + ITEM_KEY_PREFIX]);
}

async function recordsOf(ctx: OrderReader, orderNums: number[]): Promise<OrderRecords> {
  const [histories, payments] = await Promise.all([historiesOf(ctx.db, orderNums), paymentsOf(ctx.db, orderNums)]);
  return { histories, payments };
}

/** `records` must hold the order's history and payment when it is settled. */
function readingOf(orderNum: number, progress: OrderProgress, records: OrderRecords | undefined): OrderReading {
  const view = viewOfProgress(orderNum, progress);
  const version = orderVersionOf(progress.status, progress.arrivalSeq, progress.processedSeq);
  if (isSettled(progress.status)) return { order: withRecords(view, progress.reason, records!), version };
  if (progress.status !== 'IN_PROGRESS' || progress.arrivalSeq === null) return { order: { ...view, history: [], payment: null }, version };
  const spot = { itemNum: progress.itemNum, arrivalSeq: progress.arrivalSeq };
  return { order: waitingOrderView(view, placeInLineOf(spot, progress)), version, spot };
}

function withRecords(view: OrderView, reason: string | null, records: OrderRecords): OrderDetailView {
  const history = records.histories.get(view.orderNum) ?? [];
  return { ...view, reason: reason ?? history.at(-1)?.reason ?? null, history, payment: records.payments.get(view.orderNum) ?? null };
}

function viewOfProgress(orderNum: number, progress: OrderProgress): OrderView {
  return {
    orderNum,
    buyerNum: progress.buyerNum,
    itemNum: progress.itemNum,
    quantity: progress.quantity,
    unitPrice: progress.unitPrice,
    amount: progress.amount,
    status: progress.status,
    createdAt: new Date(progress.createdAtMs).toISOString(),
  };
}
