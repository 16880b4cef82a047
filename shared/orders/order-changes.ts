import { mirroredRowOf } from './mirror-history';
import type { OrderRow } from './order-repository';
import type { OrderProgress } from './order-scripts';
import type { OrderStatus } from './order-status';

/**
 * What the Lua steps publish on the order changes channel (shared/orders/lua/includes/order-changes.lua),
 * decoded once here.
 */
export type OrderChange =
  /**
   * A batch of the item's line was applied: its processed mark and drain rate now, and the orders it
   * settled with their records as the step left their mirrors (raw: settledProgressOf reads one).
   */
  | LineChange
  /** One order's mirror changed outside a batch (payment started, canceled). */
  | { kind: 'order'; orderNum: number };

export interface LineChange {
  kind: 'line';
  itemNum: number;
  processedSeq: number;
  drainRate: number | null;
  settled: number[];
  /** Parsed on the first call only: most batches settle no order that a watcher of this process follows. */
  settledRecords: () => unknown[];
}

/** The change a message tells, or undefined for a message this version does not know. */
export function decodeOrderChange(message: string): OrderChange | undefined {
  const lineBreak = message.indexOf('\n');
  const [kind, ...words] = (lineBreak < 0 ? message : message.slice(0, lineBreak)).split(' ');
  if (kind === 'order' && words.length === 1) return { kind, orderNum: Number(words[0]) };
  if (kind === 'line' && words.length >= 3) {
    const [itemNum, processedSeq, drainRate, ...settled] = words;
    let records: unknown[] | undefined;
    const settledRecords = () => (records ??= lineBreak < 0 ? [] : (JSON.parse(message.slice(lineBreak + 1)) as unknown[]));
    return { kind, itemNum: Number(itemNum), processedSeq: Number(processedSeq), drainRate: drainRate === '-' ? null : Number(drainRate), settled: settled.map(Number), settledRecords };
  }
  return undefined;
}

/**
 * The `i`th order a line batch settled, as its mirror stood after the step: its record is
 * [buyerNum, quantity, unitPrice, amount, createdAt, arrivalSeq, status, reason, paidAt, ...history
 * rows], strings, '' for a field the mirror lacks (commitOrderMirror in
 * shared/orders/lua/includes/order-mirror.lua); undefined for a record this version cannot read.
 */
export function settledProgressOf(change: LineChange, i: number): OrderProgress | undefined {
  const record = change.settledRecords()[i];
  if (!Array.isArray(record) || record.length < 9) return undefined;
  const [buyerNum, quantity, unitPrice, amount, createdAt, arrivalSeq, status, reason, paidAt, ...rows] = record as string[];
  return {
    buyerNum: Number(buyerNum),
    itemNum: change.itemNum,
    quantity: Number(quantity),
    unitPrice: Number(unitPrice),
    amount: Number(amount),
    status: status as OrderStatus,
    createdAtMs: Number(createdAt),
    reason: reason || null,
    arrivalSeq: arrivalSeq === '' ? null : Number(arrivalSeq),
    processedSeq: change.processedSeq,
    drainRate: change.drainRate,
    history: rows.map(mirroredRowOf),
    paidAtMs: paidAt === '' ? null : Number(paidAt),
  };
}

/**
 * The record of an order whose mirror a line batch settles later (commit-line-batch.lua), as
 * commitOrderMirror will leave the mirror: `order` as the batch left it, with its reason, when it
 * was paid (null: not paid) and all its history rows as the mirror keeps them.
 */
export function settledRecordOf(order: OrderRow, reason: string, paidAtMs: number | null, rows: string[]): string[] {
  const arrivalSeq = order.arrival_seq === null ? '' : String(order.arrival_seq);
  const paidAt = paidAtMs === null ? '' : String(paidAtMs);
  return [String(order.buyer_id), String(order.quantity), String(order.unit_price), String(order.amount), String(order.created_at.getTime()), arrivalSeq, order.status, reason, paidAt, ...rows];
}
