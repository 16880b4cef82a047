import { forbidden, notFound } from '../errors';
import { ITEM_KEY_PREFIX, redisKeys } from '../redis-keys';
import type { OrderContext } from './order-context';
import { findOrder, historiesOf, orderViewOf, paymentsOf } from './order-repository';
import { orderScripts, type OrderProgress } from './order-scripts';
import { isSettled } from './order-status';
import type { OrderDetailView, OrderView } from './order-view';
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
  const progress = await progressOf(ctx, orderNum);
  if (progress) {
    if (progress.buyerNum !== buyerNum) throw forbidden();
    const settled = isSettled(progress.status) ? await recordsOf(ctx, [orderNum]) : undefined;
    return readingOf(orderNum, progress, settled);
  }
  const row = await findOrder(ctx.db, orderNum);
  if (!row) throw notFound('Order', 'ORDER_NOT_FOUND');
  if (row.buyer_id !== buyerNum) throw forbidden();
  const records = await recordsOf(ctx, [orderNum]);
  return { order: withRecords(orderViewOf(row), null, records), version: orderVersionOf(row.status, row.arrival_seq) };
}

/**
 * Many orders at once, as their mirrors have them (those gone from Redis are left out): what the
 * watchers of one line batch are told, in one pipelined round trip to Redis and, for the settled
 * ones, one query each for their histories and payments, however many orders the batch settled.
 * No owner check: a watcher was checked when it started watching.
 */
export async function readOrdersInFlight(ctx: OrderReader, orderNums: number[]): Promise<Map<number, OrderReading>> {
  const progresses = await Promise.all(orderNums.map((orderNum) => progressOf(ctx, orderNum)));
  const settled = orderNums.filter((_, i) => progresses[i] && isSettled(progresses[i].status));
  const records = await recordsOf(ctx, settled);
  const readings = new Map<number, OrderReading>();
  orderNums.forEach((orderNum, i) => {
    const progress = progresses[i];
    if (progress) readings.set(orderNum, readingOf(orderNum, progress, records));
  });
  return readings;
}

interface OrderRecords {
  histories: Awaited<ReturnType<typeof historiesOf>>;
  payments: Awaited<ReturnType<typeof paymentsOf>>;
}

function progressOf(ctx: OrderReader, orderNum: number): Promise<OrderProgress | undefined> {
  return orderScripts.readOrderProgress.run(ctx.redis, [redisKeys.orderMirror(orderNum)], [ctx.config.redisPrefix + ITEM_KEY_PREFIX]);
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
  return { order: { ...view, ...placeInLineOf(spot, progress), history: [], payment: null }, version, spot };
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
