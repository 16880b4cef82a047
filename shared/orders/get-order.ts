import { forbidden, notFound } from '../errors';
import { ITEM_KEY_PREFIX, redisKeys } from '../redis-keys';
import type { OrderContext } from './order-context';
import { findOrders, historiesOf, orderViewOf, paymentsOf } from './order-repository';
import { settledRecordsOf, type SettledRecords } from './mirror-history';
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
 * Lua step (a millisecond or two of Redis for a thousand), which for a settled order hold its
 * history and payment as well (mirror-history.ts); MySQL only for what no mirror holds: one query
 * each for histories and payments of settled orders whose mirror missed rows, and orders whose
 * mirror is gone (a day after they settled) in one more query. What the watchers of a line batch
 * are told, read once for all of them. No owner check: a watcher was checked when it started
 * watching.
 */
export async function readOrders(ctx: OrderReader, orderNums: number[]): Promise<Map<number, OrderReading>> {
  const progresses = await progressesOf(ctx, orderNums);
  const mirrored = progresses.map((progress) => (progress && isSettled(progress.status) ? settledRecordsOf(progress) : undefined));
  const rows = await findOrders(ctx.db, orderNums.filter((_, i) => !progresses[i]));
  const unmirrored = orderNums.filter((_, i) => progresses[i] && isSettled(progresses[i].status) && !mirrored[i]);
  const records = await recordsOf(ctx, [...unmirrored, ...rows.keys()]);
  const readings = new Map<number, OrderReading>();
  orderNums.forEach((orderNum, i) => {
    const progress = progresses[i];
    const row = rows.get(orderNum);
    if (progress) readings.set(orderNum, readingOf(orderNum, progress, mirrored[i] ?? records(orderNum)));
    else if (row) readings.set(orderNum, { order: withRecords(orderViewOf(row), null, records(orderNum)), version: orderVersionOf(row.status, row.arrival_seq) });
  });
  return readings;
}

/**
 * A settled order from its mirror as a line batch's message carries it, as a read gives it;
 * undefined when the mirror does not hold all of it (its history or payment: read it).
 */
export function settledReadingOf(orderNum: number, progress: OrderProgress | undefined): OrderReading | undefined {
  const records = progress && isSettled(progress.status) ? settledRecordsOf(progress) : undefined;
  return progress && records && readingOf(orderNum, progress, records);
}

async function progressesOf(ctx: OrderReader, orderNums: number[]): Promise<(OrderProgress | undefined)[]> {
  if (orderNums.length === 0) return [];
  return orderScripts.readOrdersProgress.run(ctx.redis, orderNums.map(redisKeys.orderMirror), [ctx.config.redisPrefix + ITEM_KEY_PREFIX]);
}

/** The histories and payments of the orders from MySQL, by order. */
async function recordsOf(ctx: OrderReader, orderNums: number[]): Promise<(orderNum: number) => SettledRecords> {
  const [histories, payments] = await Promise.all([historiesOf(ctx.db, orderNums), paymentsOf(ctx.db, orderNums)]);
  return (orderNum) => ({ history: histories.get(orderNum) ?? [], payment: payments.get(orderNum) ?? null });
}

/** `records` are the order's history and payment, used when it is settled. */
function readingOf(orderNum: number, progress: OrderProgress, records: SettledRecords): OrderReading {
  const view = viewOfProgress(orderNum, progress);
  const version = orderVersionOf(progress.status, progress.arrivalSeq, progress.processedSeq);
  if (isSettled(progress.status)) return { order: withRecords(view, progress.reason, records), version };
  if (progress.status !== 'IN_PROGRESS' || progress.arrivalSeq === null) return { order: { ...view, history: [], payment: null }, version };
  const spot = { itemNum: progress.itemNum, arrivalSeq: progress.arrivalSeq };
  return { order: waitingOrderView(view, placeInLineOf(spot, progress)), version, spot };
}

function withRecords(view: OrderView, reason: string | null, { history, payment }: SettledRecords): OrderDetailView {
  return { ...view, reason: reason ?? history.at(-1)?.reason ?? null, history, payment };
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
