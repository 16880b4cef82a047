import { bulkInsertSql, isDuplicateKey, sendWrites, sqlOf, type Db } from '../db';
import { lockStock, stockWrite, type StockLevel } from '../items/item-repository';
import { LineBatch, type HistoryAdded, type PaymentPolicy, type TouchedOrder } from './line-batch';
import type { LineEntry } from './line-entries';
import { readOrdersUnderStockLock } from './order-repository';
import { isSettled, type OrderStatus } from './order-status';
import { orderChangeWrites } from './order-transitions';

export interface BatchOutcome {
  stock: StockLevel;
  /** Every order the batch touched, with its status as now stored (also for entries a replay found done). */
  orders: TouchedOrder[];
  /** Status of each order this run settled (not those a replay found settled already). */
  settledNow: OrderStatus[];
  /** Units of all payment entries in the batch, applied now or before: they leave the in-flight count. */
  unitsReleased: number;
  lastArrivalSeq: number;
  /** When the batch's history rows and payments are stamped (one time for the whole transaction). */
  at: Date;
  /** The history rows the batch wrote, by order. */
  historyAdded: HistoryAdded[];
  /** Orders the batch paid (a payment row each, paid `at`). */
  paid: number[];
}

/**
 * Which of the batch's orders are read from MySQL before the walk. `all`: every one. `unrecorded`:
 * only those whose record entry is not in the batch; an order recorded here is taken to be new, and
 * its row is inserted, never merged, so that if MySQL has it already (the batch, or a part of it,
 * committed before: a replay) the insert fails and the batch runs again reading `all`.
 */
type OrdersRead = 'all' | 'unrecorded';

/**
 * Applies a batch of an item's line entries, in line order, in ONE MySQL transaction: one stock
 * update, one multi-row insert of the orders it records (and one upsert of those it changes),
 * multi-row history and payment inserts.
 * Idempotent: each entry applies only if its order is still in the state the entry expects, so a
 * batch run again after a crash (committed, but not yet removed from the line) changes nothing.
 * A batch's orders are nearly always new ones recorded by the batch itself: reading them first (to
 * find nothing) measured ~8% of a hot item's batch, so they are read only when a replay shows.
 * `whileWriting` is called once the batch's writes are sent (also when it has none), while MySQL
 * runs them, and again if the batch runs again; if the batch fails first, possibly after that; it
 * must not throw.
 */
export async function applyLineBatch(db: Db, itemNum: number, entries: LineEntry[], policy: PaymentPolicy, whileWriting?: () => void): Promise<BatchOutcome> {
  try {
    return await applyInOneTransaction(db, itemNum, entries, policy, 'unrecorded', whileWriting);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return applyInOneTransaction(db, itemNum, entries, policy, 'all', whileWriting);
  }
}

function applyInOneTransaction(db: Db, itemNum: number, entries: LineEntry[], policy: PaymentPolicy, ordersRead: OrdersRead, whileWriting?: () => void): Promise<BatchOutcome> {
  return db.transaction(async (trx) => {
    const stock = await lockStock(trx, itemNum);
    const stored = await readOrdersUnderStockLock(trx, ordersToRead(entries, ordersRead));
    const batch = new LineBatch(itemNum, stock.quantity, stored, policy);
    for (const entry of entries) batch.apply(entry);

    const now = new Date();
    const writes = orderChangeWrites(trx, batch.changes(), now);
    if (batch.payments.length) {
      writes.push(() => bulkInsertSql('payments', batch.payments.map((payment) => ({ ...payment, status: 'PAID', paid_at: now }))));
    }
    let stockNow = stock;
    if (batch.unitsLeft !== stock.quantity) {
      const level = (stockNow = { quantity: batch.unitsLeft, version: stock.version + 1 });
      writes.push(() => sqlOf(stockWrite(trx, itemNum, level, now)));
    }
    // Called once the writes are made and handed to the connection (sendWrites takes a turn for the first).
    const calledWhileWriting = whileWriting && new Promise<void>((resolve) => setImmediate(() => resolve(whileWriting())));
    await Promise.all([sendWrites(trx, writes), calledWhileWriting]);
    return {
      stock: stockNow,
      orders: batch.touchedOrders(),
      settledNow: batch.changes().map((change) => change.next.status).filter(isSettled),
      unitsReleased: entries.reduce((units, entry) => units + (entry.kind === 'pay' ? entry.quantity : 0), 0),
      lastArrivalSeq: entries.reduce((seq, entry) => (entry.kind === 'pay' ? Math.max(seq, entry.arrivalSeq) : seq), 0),
      at: now,
      historyAdded: batch.historyAdded(),
      paid: batch.payments.map((payment) => payment.order_id),
    };
  });
}

function ordersToRead(entries: LineEntry[], ordersRead: OrdersRead): number[] {
  const recordedHere = new Set(ordersRead === 'all' ? [] : entries.filter((entry) => entry.kind === 'record').map((entry) => entry.orderNum));
  return [...new Set(entries.map((entry) => entry.orderNum))].filter((orderNum) => !recordedHere.has(orderNum));
}
