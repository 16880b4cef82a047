import type { Knex } from 'knex';
import { bulkInsertSql, sendWrites, sqlOf, type Write } from '../db';
import type { OrderRow } from './order-repository';
import { canTransition, type OrderStatus } from './order-status';

interface Transition {
  to: OrderStatus;
  reason?: string;
  /** Order of this step among all steps of the transaction: history rows are written in it. */
  step?: number;
}

/**
 * One order's change within a transaction: `current` is the row as locked (null: not written yet),
 * `next` the row to store, `transitions` each step taken from current.status to next.status.
 */
export interface OrderChange {
  current: OrderRow | null;
  next: OrderRow;
  transitions: Transition[];
}

class IllegalTransitionError extends Error {}

function historyRowsOf(change: OrderChange, at: Date) {
  let from: OrderStatus | null = change.current?.status ?? null;
  return change.transitions.map((step) => {
    const allowed = from === null ? step.to === 'INITIATED' : canTransition(from, step.to);
    if (!allowed) throw new IllegalTransitionError(`order ${change.next.id}: ${from ?? 'none'} -> ${step.to} is not allowed`);
    const row = { order_id: change.next.id, from_status: from, to_status: step.to, reason: step.reason ?? null, created_at: at };
    from = step.to;
    return { row, step: step.step ?? 0 };
  });
}

/**
 * The only code that sets an order's status: checks every step against the state machine, then
 * writes the rows and one history row per step, in the caller's transaction: new orders (`current`
 * null) in one multi-row insert, which fails with a duplicate key if MySQL has one of them already,
 * and changed ones in one multi-row upsert.
 * The caller must hold the order rows locked (SELECT … FOR UPDATE, or their item's stock row for a
 * line batch) so that `current` is true.
 */
export async function recordOrderChanges(trx: Knex.Transaction, changes: OrderChange[], at = new Date()): Promise<void> {
  await sendWrites(trx, orderChangeWrites(trx, changes, at));
}

/**
 * The writes of recordOrderChanges, in the order they must run: the orders, then the history rows
 * that refer to them. A change the state machine refuses throws before any write is made.
 */
export function orderChangeWrites(trx: Knex, changes: OrderChange[], at: Date): Write[] {
  if (changes.length === 0) return [];
  const history = changes
    .flatMap((change) => historyRowsOf(change, at))
    .sort((a, b) => a.step - b.step)
    .map(({ row }) => row);
  for (const change of changes) {
    const last = change.transitions.at(-1);
    if (last && last.to !== change.next.status) {
      throw new IllegalTransitionError(`order ${change.next.id}: row says ${change.next.status}, last step ${last.to}`);
    }
  }
  // Spelled out, not spread: spreading each of a batch's rows (the orders' here, the payments' in walkBatch) cost ~3 µs an order each (V8 copies such objects slowly).
  const rowOf = ({ next }: OrderChange) => ({
    id: next.id,
    buyer_id: next.buyer_id,
    item_id: next.item_id,
    quantity: next.quantity,
    unit_price: next.unit_price,
    amount: next.amount,
    status: next.status,
    arrival_seq: next.arrival_seq,
    created_at: next.created_at,
    updated_at: at,
  });
  const created = changes.filter((change) => change.current === null);
  const changed = changes.filter((change) => change.current !== null);
  const writes: Write[] = [];
  if (created.length) writes.push(() => bulkInsertSql('orders', created.map(rowOf)));
  if (changed.length) writes.push(() => sqlOf(trx('orders').insert(changed.map(rowOf)).onConflict('id').merge(['status', 'arrival_seq', 'updated_at'])));
  if (history.length) writes.push(() => bulkInsertSql('order_histories', history));
  return writes;
}
