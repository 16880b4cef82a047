import type { Knex } from 'knex';
import type { Db } from '../db';
import type { Pagination } from '../validation';
import type { OrderHistoryView, OrderView, PaymentView } from './order-view';
import { UNIT_HOLDING_STATUSES, type OrderStatus } from './order-status';

type Querier = Db | Knex.Transaction;

/** An `orders` row as stored. */
export interface OrderRow {
  id: number;
  buyer_id: number;
  item_id: number;
  quantity: number;
  unit_price: number;
  amount: number;
  status: OrderStatus;
  arrival_seq: number | null;
  created_at: Date;
}

const ORDER_COLUMNS = ['id', 'buyer_id', 'item_id', 'quantity', 'unit_price', 'amount', 'status', 'arrival_seq', 'created_at'];

export async function findOrder(db: Querier, orderNum: number): Promise<OrderRow | undefined> {
  const row = await db('orders').where({ id: orderNum }).first<OrderRow | undefined>(ORDER_COLUMNS);
  return row && normalizeOrderRow(row);
}

/** The given orders as last committed, by number (those that do not exist left out). */
export async function findOrders(db: Querier, orderNums: number[]): Promise<Map<number, OrderRow>> {
  if (orderNums.length === 0) return new Map();
  const rows = await db('orders').select<OrderRow[]>(ORDER_COLUMNS).whereIn('id', orderNums);
  return new Map(rows.map((row) => [Number(row.id), normalizeOrderRow(row)]));
}

/**
 * The given orders as last committed, without locking them, for a transaction that holds their
 * item's stock row lock. Every writer of an item's orders (the line drain, a refund) takes that
 * lock first, so while it is held nobody else changes them, and this read (the transaction's
 * first plain one, so its snapshot is taken after the lock was granted) sees every earlier
 * writer's commit. Locking a drain batch's 500 new order ids one by one cost more than the rest of
 * the batch's reads.
 */
export function readOrdersUnderStockLock(trx: Knex.Transaction, orderNums: number[]): Promise<Map<number, OrderRow>> {
  return findOrders(trx, orderNums);
}

/** Locks the given orders for the rest of the transaction (callers lock the stock row first). */
export async function lockOrders(trx: Knex.Transaction, orderNums: number[]): Promise<Map<number, OrderRow>> {
  if (orderNums.length === 0) return new Map();
  const rows = await trx('orders').select<OrderRow[]>(ORDER_COLUMNS).whereIn('id', orderNums).forUpdate();
  return new Map(rows.map((row) => [Number(row.id), normalizeOrderRow(row)]));
}

/** The highest order number MySQL has (0 when none): Redis must hand out numbers above it. */
export async function highestOrderNum(db: Db): Promise<number> {
  const [row] = await db('orders').max<{ highest: number | null }[]>({ highest: 'id' });
  return Number(row?.highest ?? 0);
}

/** Per item, its orders counted by status (statuses without orders left out). */
export async function countOrdersByItemAndStatus(db: Db, itemNums: number[]): Promise<Map<number, Partial<Record<OrderStatus, number>>>> {
  const counts = new Map<number, Partial<Record<OrderStatus, number>>>();
  if (itemNums.length === 0) return counts;
  const rows: { item_id: number; status: OrderStatus; orders: number }[] = await db('orders')
    .select('item_id', 'status')
    .count({ orders: '*' })
    .whereIn('item_id', itemNums)
    .groupBy('item_id', 'status');
  for (const row of rows) {
    const itemNum = Number(row.item_id);
    counts.set(itemNum, { ...counts.get(itemNum), [row.status]: Number(row.orders) });
  }
  return counts;
}

/** Per item, the highest arrival sequence MySQL has seen: an item's line must count on from there. */
export async function highestArrivalSeqByItem(db: Db): Promise<Map<number, number>> {
  const rows: { item_id: number; highest: number | null }[] = await db('orders').select('item_id').max({ highest: 'arrival_seq' }).groupBy('item_id');
  return new Map(rows.map((row) => [Number(row.item_id), Number(row.highest ?? 0)]));
}

/** Units one buyer holds of one item: the quantities of the buyer's orders of it in a status that holds units. */
export interface HeldUnitsRow {
  item_id: number;
  buyer_id: number;
  units: number;
}

const ORDERS_READ_AT_ONCE = 1000;

/**
 * What every buyer holds of every item, and the rows of `orderNums`, read in one snapshot so that
 * the two agree (reconciliation counts the orders still in a line apart, from Redis).
 */
export async function readHeldUnits(db: Db, orderNums: number[]): Promise<{ held: HeldUnitsRow[]; orders: OrderRow[] }> {
  return db.transaction(
    async (trx) => {
      const held: HeldUnitsRow[] = await trx('orders')
        .whereIn('status', UNIT_HOLDING_STATUSES)
        .groupBy('item_id', 'buyer_id')
        .select('item_id', 'buyer_id')
        .sum({ units: 'quantity' });
      const orders: OrderRow[] = [];
      for (let i = 0; i < orderNums.length; i += ORDERS_READ_AT_ONCE) {
        orders.push(...(await trx('orders').select<OrderRow[]>(ORDER_COLUMNS).whereIn('id', orderNums.slice(i, i + ORDERS_READ_AT_ONCE))));
      }
      return {
        held: held.map((row) => ({ item_id: Number(row.item_id), buyer_id: Number(row.buyer_id), units: Number(row.units) })),
        orders: orders.map(normalizeOrderRow),
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}

/** Every INITIATED order (reconciliation puts back the mirrors Redis may have lost). */
export async function listInitiatedOrders(db: Db): Promise<OrderRow[]> {
  const rows = await db('orders').select<OrderRow[]>(ORDER_COLUMNS).where({ status: 'INITIATED' });
  return rows.map(normalizeOrderRow);
}

/** The history rows of each order, oldest first (an order without rows is left out). */
export async function historiesOf(db: Querier, orderNums: number[]): Promise<Map<number, OrderHistoryView[]>> {
  const histories = new Map<number, OrderHistoryView[]>();
  if (orderNums.length === 0) return histories;
  const rows = await db('order_histories')
    .select<{ order_id: number; from_status: OrderStatus | null; to_status: OrderStatus; reason: string | null; created_at: Date }[]>('order_id', 'from_status', 'to_status', 'reason', 'created_at')
    .whereIn('order_id', orderNums)
    .orderBy('id');
  for (const row of rows) {
    const orderNum = Number(row.order_id);
    if (!histories.has(orderNum)) histories.set(orderNum, []);
    histories.get(orderNum)!.push({ from: row.from_status, to: row.to_status, reason: row.reason, at: row.created_at.toISOString() });
  }
  return histories;
}

/** The payment of each order that has one. */
export async function paymentsOf(db: Querier, orderNums: number[]): Promise<Map<number, PaymentView>> {
  if (orderNums.length === 0) return new Map();
  const rows = await db('payments')
    .select<{ order_id: number; amount: number; status: 'PAID' | 'REFUNDED'; paid_at: Date; refunded_at: Date | null }[]>('order_id', 'amount', 'status', 'paid_at', 'refunded_at')
    .whereIn('order_id', orderNums);
  return new Map(
    rows.map((row) => [
      Number(row.order_id),
      { amount: Number(row.amount), status: row.status, paidAt: row.paid_at.toISOString(), refundedAt: row.refunded_at ? row.refunded_at.toISOString() : null },
    ]),
  );
}

export async function listOrdersOfBuyer(db: Db, buyerNum: number, page: Pagination): Promise<{ orders: OrderView[]; total: number }> {
  const [rows, [{ total }]] = await Promise.all([
    db('orders')
      .select<OrderRow[]>(ORDER_COLUMNS)
      .where({ buyer_id: buyerNum })
      .orderBy('id', 'desc')
      .limit(page.size)
      .offset((page.page - 1) * page.size),
    db('orders').where({ buyer_id: buyerNum }).count<{ total: number }[]>({ total: '*' }),
  ]);
  return { orders: rows.map((row) => orderViewOf(normalizeOrderRow(row))), total: Number(total) };
}

export function orderViewOf(row: OrderRow): OrderView {
  return {
    orderNum: row.id,
    buyerNum: row.buyer_id,
    itemNum: row.item_id,
    quantity: row.quantity,
    unitPrice: row.unit_price,
    amount: row.amount,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/** mysql2 returns BIGINT columns as strings when they are large (supportBigNumbers): make them numbers. */
function normalizeOrderRow(row: OrderRow): OrderRow {
  return {
    ...row,
    id: Number(row.id),
    buyer_id: Number(row.buyer_id),
    item_id: Number(row.item_id),
    quantity: Number(row.quantity),
    unit_price: Number(row.unit_price),
    amount: Number(row.amount),
    arrival_seq: row.arrival_seq === null ? null : Number(row.arrival_seq),
  };
}
