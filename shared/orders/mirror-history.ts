import type { HistoryAdded } from './line-batch';
import type { OrderStatus } from './order-status';
import type { OrderHistoryView, PaymentView } from './order-view';

/**
 * An order's history rows as its Redis mirror keeps them (`history:1` … `history:<historyLength>`,
 * each `<at ms> <to>[ <reason>]`, short enough that the mirror keeps Redis's compact hash encoding),
 * with `paidAt` (ms) once paid: written by commit-line-batch.lua in the step that follows the MySQL
 * transaction that wrote them, only when they continue the rows the mirror holds. So a settled
 * order is answered from its mirror, as MySQL has it, without reading MySQL; a mirror that missed
 * rows (its step lost, the mirror restored after Redis lost data, a refund) no longer ends at the
 * order's status, and MySQL answers.
 */
export interface MirroredHistoryRow {
  to: OrderStatus;
  reason: string | null;
  atMs: number;
}

/** What a settled order shows besides its mirror's fields. */
export interface SettledRecords {
  history: OrderHistoryView[];
  payment: PaymentView | null;
}

/** The rows a batch wrote for one order as the commit step takes them, `<to>[ <reason>]` (it stamps them with the batch's time). */
export function mirroredRowsOf(added: HistoryAdded): string[] {
  return added.steps.map(({ to, reason }) => (reason === null ? to : `${to} ${reason}`));
}

/** The history rows of a mirror read as field/value pairs (none when it holds none). */
export function mirroredHistoryOf(fields: Map<string, string>): MirroredHistoryRow[] {
  const length = Number(fields.get('historyLength') ?? 0);
  return Array.from({ length }, (_, i) => mirroredRowOf(fields.get(`history:${i + 1}`) ?? ''));
}

/** One history row as the mirror keeps it. */
export function mirroredRowOf(row: string): MirroredHistoryRow {
  const [atMs, to, ...reason] = row.split(' ');
  return { to: to as OrderStatus, reason: reason.length ? reason.join(' ') : null, atMs: Number(atMs) };
}

/**
 * The settled order's history and payment from its mirror, or undefined when the mirror does not
 * hold all of it (its rows do not lead to its status, or a paid order lacks its payment).
 */
export function settledRecordsOf(mirror: { status: OrderStatus; amount: number; history: MirroredHistoryRow[]; paidAtMs: number | null }): SettledRecords | undefined {
  const { status, history, paidAtMs } = mirror;
  if (history.at(-1)?.to !== status || (status === 'PAID') !== (paidAtMs !== null)) return undefined;
  return {
    history: history.map((row, i) => ({ from: i === 0 ? null : history[i - 1].to, to: row.to, reason: row.reason, at: new Date(row.atMs).toISOString() })),
    payment: paidAtMs === null ? null : { amount: mirror.amount, status: 'PAID', paidAt: new Date(paidAtMs).toISOString(), refundedAt: null },
  };
}
