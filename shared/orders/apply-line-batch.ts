import { setImmediate as nextTurn } from 'node:timers/promises';
import { bulkInsertSql, isDuplicateKey, sendStatements, sendWrites, sqlOf, type Db } from '../db';
import { commitAtStockLevel, lockStock, lockStockQuery, stockLevelOf, stockWrite, type StockLevel } from '../items/item-repository';
import { LineBatch, type HistoryAdded, type PaymentPolicy, type TouchedOrder } from './line-batch';
import type { LineEntry } from './line-entries';
import { readOrdersUnderStockLock, type OrderRow } from './order-repository';
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
 * A batch walked ahead of its transaction, while the batch before it is still in MySQL: on the
 * stock level that batch leaves, with orders it records itself only (so there is nothing to read
 * under the lock). Its writes are made already; they are sent right behind the stock lock, and
 * stand only if the lock finds the level they were walked on.
 */
export interface WalkedBatch {
  entries: LineEntry[];
  /** The level the batch was walked on. */
  walkedOn: StockLevel;
  /** The SQL of its writes. */
  writes: string[];
  outcome: BatchOutcome;
  /** Once sent ahead (sendWalkedAhead): whether it committed; false: refused (the stock was elsewhere) or failed, and rolled back. */
  committed?: Promise<boolean>;
}

/** The walk ahead found the stock at another level (a batch before it failed, or a seller moved it): the batch is walked again under the lock. */
class WalkedOnOtherLevel extends Error {}

/**
 * Applies a batch of an item's line entries, in line order, in ONE MySQL transaction: one stock
 * update, one multi-row insert of the orders it records (and one upsert of those it changes),
 * multi-row history and payment inserts.
 * Idempotent: each entry applies only if its order is still in the state the entry expects, so a
 * batch run again after a crash (committed, but not yet removed from the line) changes nothing.
 * A batch's orders are nearly always new ones recorded by the batch itself: reading them first (to
 * find nothing) measured ~8% of a hot item's batch, so they are read only when a replay shows.
 * `walked`: the batch walked ahead (walkAhead), applied as it is if the stock is still at its level;
 * sent ahead already (sendWalkedAhead), its answer is awaited, and if it did not commit, the batch
 * runs again under the lock.
 * `whileWriting` is called with the stock level the batch leaves (and the one it found) once its writes are sent (also
 * when it has none), while MySQL runs them, and again if the batch runs again; if the batch fails
 * first, possibly after that; it must not throw.
 */
export async function applyLineBatch(db: Db, itemNum: number, entries: LineEntry[], policy: PaymentPolicy, whileWriting?: WhileWriting, walked?: WalkedBatch): Promise<BatchOutcome> {
  if (walked?.committed) {
    if (await writeWhile(walked.committed, whileWriting, walked.outcome.stock, walked.walkedOn)) return walked.outcome;
    // Run as any batch, under the lock (a replay, should it have committed after all).
    return applyLineBatch(db, itemNum, entries, policy, whileWriting);
  }
  try {
    return await applyInOneTransaction(db, itemNum, entries, policy, 'unrecorded', whileWriting, walked);
  } catch (error) {
    if (error instanceof WalkedOnOtherLevel) return applyLineBatch(db, itemNum, entries, policy, whileWriting);
    if (!isDuplicateKey(error)) throw error;
    return applyInOneTransaction(db, itemNum, entries, policy, 'all', whileWriting);
  }
}

/** Told the stock level the batch leaves, and the one it found, once its writes are on the wire (see applyLineBatch). */
export type WhileWriting = (stockAfter: StockLevel, stockBefore: StockLevel) => void;

/**
 * The batch walked on the stock level `stock` (what the batch before it leaves), its writes made,
 * so that it goes to MySQL the moment that batch commits; undefined when it pays or cancels orders
 * recorded before it, which must be read under the lock.
 * It is made while the batch before it is in MySQL, each write's SQL in a turn of its own: made at
 * once (some 4 ms for 500 entries), it held back the handling of that batch's answer, and so its
 * commit, whenever the answer came meanwhile (hot-item part, interleaved runs on the 2-core bench
 * machine: a median 77% of the bare MySQL limit over 19 runs with the turns, 73.5% over 12 without).
 */
export async function walkAhead(db: Db, itemNum: number, entries: LineEntry[], stock: StockLevel, policy: PaymentPolicy): Promise<WalkedBatch | undefined> {
  if (ordersToRead(entries, 'unrecorded').length > 0) return undefined;
  const walk = walkBatch(db, itemNum, entries, stock, new Map(), policy);
  const writes: string[] = [];
  for (const write of walk.writes) {
    await nextTurn();
    writes.push(write());
  }
  await nextTurn();
  return { entries, walkedOn: stock, writes, outcome: walk.outcome() };
}

/**
 * Sends a batch walked ahead at once, while the batch before it is still in MySQL, as one query on
 * a connection of its own (commitAtStockLevel): the stock lock, MySQL's own check that the stock is
 * at the level the batch was walked on, the writes, the commit. It waits on the lock of the batch
 * before, and runs the moment that one commits, with no answer of the drain in between; its check
 * lets it write only behind that batch (which leaves the stock at that level), so the line's order
 * holds: if that batch fails, this one is refused, writing nothing.
 */
export function sendWalkedAhead(db: Db, itemNum: number, walked: WalkedBatch): WalkedBatch {
  return { ...walked, committed: commitAtStockLevel(db, itemNum, walked.walkedOn, walked.writes).then(() => true, () => false) };
}

function applyInOneTransaction(db: Db, itemNum: number, entries: LineEntry[], policy: PaymentPolicy, ordersRead: OrdersRead, whileWriting?: WhileWriting, walked?: WalkedBatch): Promise<BatchOutcome> {
  return db.transaction(async (trx) => {
    if (walked) {
      // The lock and the writes go at once, one behind the other on the connection.
      const [lockedRows] = await writeWhile(sendStatements(trx, [sqlOf(lockStockQuery(trx, itemNum)), ...walked.writes]), whileWriting, walked.outcome.stock, walked.walkedOn);
      if (!sameLevel(stockLevelOf((lockedRows as StockLevel[])[0], itemNum), walked.walkedOn)) throw new WalkedOnOtherLevel();
      return walked.outcome;
    }
    const stock = await lockStock(trx, itemNum);
    const stored = await readOrdersUnderStockLock(trx, ordersToRead(entries, ordersRead));
    const walk = walkBatch(trx, itemNum, entries, stock, stored, policy);
    // The outcome is made while MySQL runs the writes, so that the commit goes as soon as the last is answered.
    const [, outcome] = await Promise.all([writeWhile(sendWrites(trx, walk.writes), whileWriting, walk.stockAfter, stock), new Promise<BatchOutcome>((resolve) => setImmediate(() => resolve(walk.outcome())))]);
    return outcome;
  });
}

/** `written`, with `whileWriting` called once the first write is on the wire (sendWrites takes a turn for it). */
async function writeWhile<T>(written: Promise<T>, whileWriting: WhileWriting | undefined, stockAfter: StockLevel, stockBefore: StockLevel): Promise<T> {
  const [answers] = await Promise.all([written, whileWriting && new Promise<void>((resolve) => setImmediate(() => resolve(whileWriting(stockAfter, stockBefore))))]);
  return answers;
}

/** The in-memory walk through the batch on the locked stock level: its writes, and its outcome once they are made. */
function walkBatch(db: Db, itemNum: number, entries: LineEntry[], stock: StockLevel, stored: Map<number, OrderRow>, policy: PaymentPolicy) {
  const batch = new LineBatch(itemNum, stock.quantity, stored, policy);
  for (const entry of entries) batch.apply(entry);
  const now = new Date();
  const writes = orderChangeWrites(db, batch.changes(), now);
  if (batch.payments.length) {
    writes.push(() => bulkInsertSql('payments', batch.payments.map(({ order_id, amount }) => ({ order_id, amount, status: 'PAID', paid_at: now }))));
  }
  let stockAfter = stock;
  if (batch.unitsLeft !== stock.quantity) {
    const level = (stockAfter = { quantity: batch.unitsLeft, version: stock.version + 1 });
    writes.push(() => sqlOf(stockWrite(db, itemNum, level, now)));
  }
  const outcome = (): BatchOutcome => ({
    stock: stockAfter,
    orders: batch.touchedOrders(),
    settledNow: batch.changes().map((change) => change.next.status).filter(isSettled),
    unitsReleased: entries.reduce((units, entry) => units + (entry.kind === 'pay' ? entry.quantity : 0), 0),
    lastArrivalSeq: entries.reduce((seq, entry) => (entry.kind === 'pay' ? Math.max(seq, entry.arrivalSeq) : seq), 0),
    at: now,
    historyAdded: batch.historyAdded(),
    paid: batch.payments.map((payment) => payment.order_id),
  });
  return { writes, stockAfter, outcome };
}

function sameLevel(a: StockLevel, b: StockLevel): boolean {
  return a.quantity === b.quantity && a.version === b.version;
}

function ordersToRead(entries: LineEntry[], ordersRead: OrdersRead): number[] {
  const recordedHere = new Set(ordersRead === 'all' ? [] : entries.filter((entry) => entry.kind === 'record').map((entry) => entry.orderNum));
  return [...new Set(entries.map((entry) => entry.orderNum))].filter((orderNum) => !recordedHere.has(orderNum));
}
