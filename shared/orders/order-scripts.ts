import { LuaScript, replies, unexpectedReply, type ReplyDecoder } from '../lua/lua-script';
import { mirroredHistoryOf, type MirroredHistoryRow } from './mirror-history';
import { ORDER_STATUSES, orderStatesLua, type OrderStatus } from './order-status';
import type { LineProgress } from './place-in-line';

const here = `${__dirname}/lua`;

/** How long a settled order's mirror stays for pollers; MySQL answers after that. */
export const SETTLED_MIRROR_TTL_SECONDS = 24 * 3600;

/** The fragments the order scripts include from TypeScript: the state machine's table. */
export const ORDER_SCRIPT_FRAGMENTS = { 'order-states': orderStatesLua() };

/** The answers of the token check that admit-order and start-payment make in their own step. */
type TokenRefusal = { outcome: 'ACCOUNT_DELETED' } | { outcome: 'TOKEN_REVOKED' };

export type AdmitOrderReply =
  | { outcome: 'OK'; orderNum: number; createdAtMs: number; mustRequestDrain: boolean }
  /** The Idempotency-Key was used before: `orderNum|fingerprint|createdAtMs` of the first submission. */
  | { outcome: 'DUPLICATE'; firstSubmission: string }
  | { outcome: 'RATE_LIMITED'; retryAfterMs: number }
  /** Redis does not know the item (yet): load it from MySQL and try again. */
  | { outcome: 'NO_ITEM' }
  | { outcome: 'NOT_FOUND' }
  | { outcome: 'NOT_OPEN_YET'; availableAtMs: number }
  | { outcome: 'SALE_ENDED'; endAtMs: number }
  | { outcome: 'PRICE_MISMATCH'; price: number }
  | { outcome: 'SOLD_OUT' }
  | { outcome: 'INSUFFICIENT_STOCK'; stock: number }
  /** Every unit left is held by payments in flight: `arrivals` is the item's last payment in line. */
  | { outcome: 'STOCK_HELD'; stock: number; unitsInFlight: number; arrivals: number; line: LineProgress }
  /** The order would take the buyer's units of the item above its cap. */
  | { outcome: 'PURCHASE_LIMIT_REACHED'; maxPerBuyer: number; held: number }
  | { outcome: 'OVERLOADED' }
  | TokenRefusal;

export type StartPaymentReply =
  | { outcome: 'OK'; itemNum: number; arrivalSeq: number; mustRequestDrain: boolean }
  /** No mirror: the order is unknown, or settled long enough ago that only MySQL has it. */
  | { outcome: 'NOT_FOUND' }
  | { outcome: 'FORBIDDEN' }
  | { outcome: 'INVALID_STATE'; status: OrderStatus }
  | TokenRefusal;

export type CancelInitiatedOrderReply =
  | { outcome: 'OK'; itemNum: number; mustRequestDrain: boolean }
  | { outcome: 'NOT_FOUND' }
  | { outcome: 'FORBIDDEN' }
  | { outcome: 'NOT_INITIATED'; status: OrderStatus; itemNum: number };

export type CommitLineBatchReply = 'EMPTY' | 'MORE' | 'STALE';

/** STALE: the batch read behind is no longer at the head of the line. */
export type ReadLineHeadReply = { outcome: 'STALE' } | { outcome: 'OK'; entries: string[]; deadOrders: Set<number> };

/** STALE: the head moved (read the line again); GONE: a follower whose order left the dead list (apply it); BURIED. */
export type BuryLineEntryReply = 'STALE' | 'GONE' | 'BURIED';

export type RetryDeadOrderReply = { outcome: 'NOT_FOUND' } | { outcome: 'OK'; entriesPutBack: number; mustRequestDrain: boolean };

export type CancelDeadOrderReply = { outcome: 'NOT_FOUND' } | { outcome: 'OK'; unitsReleased: number };

/** An order mirror as a poller reads it, with its item's processed mark. */
export interface OrderProgress {
  buyerNum: number;
  itemNum: number;
  quantity: number;
  unitPrice: number;
  amount: number;
  status: OrderStatus;
  createdAtMs: number;
  reason: string | null;
  /** Place among the item's payments (set once payment was tried). */
  arrivalSeq: number | null;
  /** The item's last payment applied in MySQL. */
  processedSeq: number;
  /** The item's recent drain rate, payments per second (null: not known yet). */
  drainRate: number | null;
  /** The history rows the mirror holds (mirror-history.ts), and when the order was paid (ms). */
  history: MirroredHistoryRow[];
  paidAtMs: number | null;
}

/** The fields of a multi-field reply: Redis answers strings and integers. */
function fieldsOf(script: string, raw: unknown): [string, ...(string | number)[]] {
  if (!Array.isArray(raw) || typeof raw[0] !== 'string') throw unexpectedReply(script, raw);
  return raw as [string, ...(string | number)[]];
}

function statusOf(script: string, raw: unknown): OrderStatus {
  if (!ORDER_STATUSES.includes(raw as OrderStatus)) throw unexpectedReply(script, raw);
  return raw as OrderStatus;
}

const admitOrderReply: ReplyDecoder<AdmitOrderReply> = (raw) => {
  const [outcome, first, second, third, fourth, fifth] = fieldsOf('admit-order', raw);
  switch (outcome) {
    case 'OK':
      return { outcome, orderNum: Number(first), createdAtMs: Number(second), mustRequestDrain: third === 1 };
    case 'DUPLICATE':
      return { outcome, firstSubmission: String(first) };
    case 'RATE_LIMITED':
      return { outcome, retryAfterMs: Number(first) };
    case 'NOT_OPEN_YET':
      return { outcome, availableAtMs: Number(first) };
    case 'SALE_ENDED':
      return { outcome, endAtMs: Number(first) };
    case 'PRICE_MISMATCH':
      return { outcome, price: Number(first) };
    case 'INSUFFICIENT_STOCK':
      return { outcome, stock: Number(first) };
    case 'STOCK_HELD':
      return { outcome, stock: Number(first), unitsInFlight: Number(second), arrivals: Number(third), line: { processedSeq: Number(fourth), drainRate: fifth ? Number(fifth) : null } };
    case 'PURCHASE_LIMIT_REACHED':
      return { outcome, maxPerBuyer: Number(first), held: Number(second) };
    case 'NO_ITEM':
    case 'NOT_FOUND':
    case 'SOLD_OUT':
    case 'OVERLOADED':
    case 'ACCOUNT_DELETED':
    case 'TOKEN_REVOKED':
      return { outcome };
    default:
      throw unexpectedReply('admit-order', raw);
  }
};

const startPaymentReply: ReplyDecoder<StartPaymentReply> = (raw) => {
  const [outcome, first, second, third] = fieldsOf('start-payment', raw);
  switch (outcome) {
    case 'OK':
      return { outcome, itemNum: Number(first), arrivalSeq: Number(second), mustRequestDrain: third === 1 };
    case 'INVALID_STATE':
      return { outcome, status: statusOf('start-payment', first) };
    case 'NOT_FOUND':
    case 'FORBIDDEN':
    case 'ACCOUNT_DELETED':
    case 'TOKEN_REVOKED':
      return { outcome };
    default:
      throw unexpectedReply('start-payment', raw);
  }
};

const cancelInitiatedOrderReply: ReplyDecoder<CancelInitiatedOrderReply> = (raw) => {
  const [outcome, first, second] = fieldsOf('cancel-initiated-order', raw);
  switch (outcome) {
    case 'OK':
      return { outcome, itemNum: Number(first), mustRequestDrain: second === 1 };
    case 'NOT_INITIATED':
      return { outcome, status: statusOf('cancel-initiated-order', first), itemNum: Number(second) };
    case 'NOT_FOUND':
    case 'FORBIDDEN':
      return { outcome };
    default:
      throw unexpectedReply('cancel-initiated-order', raw);
  }
};

const retryDeadOrderReply: ReplyDecoder<RetryDeadOrderReply> = (raw) => {
  const [outcome, first, second] = fieldsOf('retry-dead-order', raw);
  if (outcome === 'NOT_FOUND') return { outcome };
  if (outcome === 'OK') return { outcome, entriesPutBack: Number(first), mustRequestDrain: second === 1 };
  throw unexpectedReply('retry-dead-order', raw);
};

const readLineHeadReply: ReplyDecoder<ReadLineHeadReply> = (raw) => {
  const [outcome, entries, deadOrders] = Array.isArray(raw) ? (raw as unknown[]) : [];
  if (outcome === 'STALE') return { outcome };
  if (outcome === 'OK' && typeof entries === 'string' && Array.isArray(deadOrders)) {
    return { outcome, entries: entries === '' ? [] : entries.split('\n'), deadOrders: new Set(deadOrders.map(Number)) };
  }
  throw unexpectedReply('read-line-head', raw);
};

const cancelDeadOrderReply: ReplyDecoder<CancelDeadOrderReply> = (raw) => {
  const [outcome, first] = fieldsOf('cancel-dead-order', raw);
  if (outcome === 'NOT_FOUND') return { outcome };
  if (outcome === 'OK') return { outcome, unitsReleased: Number(first) };
  throw unexpectedReply('cancel-dead-order', raw);
};

const ordersProgressReply: ReplyDecoder<(OrderProgress | undefined)[]> = (raw) => {
  if (!Array.isArray(raw)) throw unexpectedReply('read-orders-progress', raw);
  return raw.map(orderProgressOf);
};

/** One order's progress as read-orders-progress.lua reads it, or undefined when it has no mirror. */
function orderProgressOf(raw: unknown): OrderProgress | undefined {
  if (!Array.isArray(raw)) throw unexpectedReply('read-orders-progress', raw);
  if (raw.length === 0) return undefined;
  const fields = new Map<string, string>();
  for (let i = 0; i < raw.length; i += 2) fields.set(String(raw[i]), String(raw[i + 1]));
  const number = (name: string) => Number(fields.get(name));
  return {
    buyerNum: number('buyerNum'),
    itemNum: number('itemNum'),
    quantity: number('quantity'),
    unitPrice: number('unitPrice'),
    amount: number('amount'),
    status: statusOf('read-orders-progress', fields.get('status')),
    createdAtMs: number('createdAt'),
    reason: fields.get('reason') || null,
    arrivalSeq: fields.has('arrivalSeq') ? number('arrivalSeq') : null,
    processedSeq: number('processedSeq'),
    drainRate: fields.get('drainRate') ? number('drainRate') : null,
    history: mirroredHistoryOf(fields),
    paidAtMs: fields.has('paidAt') ? number('paidAt') : null,
  };
}

const script = <Reply>(file: string, numberOfKeys: number | 'any', decode: ReplyDecoder<Reply>) =>
  new LuaScript(`${here}/${file}`, numberOfKeys, decode, ORDER_SCRIPT_FRAGMENTS);

/** The atomic Redis steps of the order pipeline; each file says what it does and its KEYS/ARGV. */
export const orderScripts = {
  admitOrder: script('admit-order.lua', 9, admitOrderReply),
  startPayment: script('start-payment.lua', 4, startPaymentReply),
  cancelInitiatedOrder: script('cancel-initiated-order.lua', 3, cancelInitiatedOrderReply),
  readLineHead: script('read-line-head.lua', 2, readLineHeadReply),
  commitLineBatch: script('commit-line-batch.lua', 6, replies.oneOf<CommitLineBatchReply>('commit-line-batch', ['EMPTY', 'MORE', 'STALE'])),
  /** Answers the number of entries in the line. */
  reconcileItemLine: script('reconcile-item-line.lua', 4, replies.count('reconcile-item-line')),
  /** Answers whether the mirror was restored (false: Redis still knew the order). */
  restoreInitiatedOrder: script('restore-initiated-order.lua', 2, replies.flag('restore-initiated-order')),
  buryLineEntry: script('bury-line-entry.lua', 3, replies.oneOf<BuryLineEntryReply>('bury-line-entry', ['STALE', 'GONE', 'BURIED'])),
  retryDeadOrder: script('retry-dead-order.lua', 5, retryDeadOrderReply),
  cancelDeadOrder: script('cancel-dead-order.lua', 6, cancelDeadOrderReply),
  raiseOrderSequence: script('raise-order-sequence.lua', 1, replies.count('raise-order-sequence')),
  listOrdersPastTtl: script('list-orders-past-ttl.lua', 1, replies.numbers('list-orders-past-ttl')),
  /** Answers how many settles left for later the item still has, or -1 while its line is not empty. */
  foldSettlingOrders: script('fold-settling-orders.lua', 1, replies.count('fold-settling-orders')),
  /** Answers whether the mirror now holds the status (false: gone, or the state machine refused). */
  settleOrderMirror: script('settle-order-mirror.lua', 3, replies.flag('settle-order-mirror')),
  /** Answers the number of buyers holding units of the item. */
  rebuildHeldUnits: script('rebuild-held-units.lua', 3, replies.count('rebuild-held-units')),
  /** Answers whether the buyer got a place among their open watches. */
  takeWatchLease: script('take-watch-lease.lua', 1, replies.flag('take-watch-lease')),
  /** Answers how many leases it renewed. */
  renewWatchLeases: script('renew-watch-leases.lua', 'any', replies.count('renew-watch-leases')),
  /** Answers how many of the leases were still held. */
  releaseWatchLeases: script('release-watch-leases.lua', 'any', replies.count('release-watch-leases')),
  /** Answers, per mirror key, the order's progress, or undefined when it has no mirror. */
  readOrdersProgress: script('read-orders-progress.lua', 'any', ordersProgressReply),
};
