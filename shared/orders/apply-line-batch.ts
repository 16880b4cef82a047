import type { Knex } from 'knex';
import type { Db } from '../db';
import type { LineEntry } from './line-entries';
import { readOrdersUnderStockLock } from './order-repository';
import { isSettled, type OrderStatus } from './order-status';
import { recordOrderChanges, type OrderChange, type OrderRow } from './order-transitions';
import { FAILURE_REASONS, settlePayment } from './payment-simulation';

export interface StockLevel {
  quantity: number;
  version: number;
}

export interface SettledOrder {
  orderNum: number;
  status: OrderStatus;
  reason: string;
}

export interface BatchOutcome {
  stock: StockLevel;
  /** Every order the batch touched, with its status as now stored (also for entries a replay found done). */
  orders: SettledOrder[];
  /** Status of each order this run settled (not those a replay found settled already). */
  settledNow: OrderStatus[];
  /** Units of all payment entries in the batch, applied now or before: they leave the in-flight count. */
  unitsReleased: number;
  lastArrivalSeq: number;
}

export interface PaymentPolicy {
  failureRate: number;
  random: () => number;
}

/**
 * Applies a batch of an item's line entries, in line order, in ONE MySQL transaction: one stock
 * update, one multi-row order upsert, multi-row history and payment inserts.
 * Idempotent: each entry applies only if its order is still in the state the entry expects, so a
 * batch run again after a crash (committed, but not yet removed from the line) changes nothing.
 */
export function applyLineBatch(db: Db, itemNum: number, entries: LineEntry[], policy: PaymentPolicy): Promise<BatchOutcome> {
  return db.transaction(async (trx) => {
    const stock = await lockStock(trx, itemNum);
    const stored = await readOrdersUnderStockLock(trx, [...new Set(entries.map((entry) => entry.orderNum))]);
    const batch = new LineBatch(itemNum, stock.quantity, stored, policy);
    for (const entry of entries) batch.apply(entry);

    const now = new Date();
    await recordOrderChanges(trx, batch.changes(), now);
    if (batch.payments.length) {
      await trx('payments').insert(batch.payments.map((payment) => ({ ...payment, status: 'PAID', paid_at: now })));
    }
    let { version } = stock;
    if (batch.unitsLeft !== stock.quantity) {
      version += 1;
      await trx('stocks').where({ item_id: itemNum }).update({ quantity: batch.unitsLeft, version, updated_at: now });
    }
    return {
      stock: { quantity: batch.unitsLeft, version },
      orders: batch.settledOrders(),
      settledNow: batch.changes().map((change) => change.next.status).filter(isSettled),
      unitsReleased: entries.reduce((units, entry) => units + (entry.kind === 'pay' ? entry.quantity : 0), 0),
      lastArrivalSeq: entries.reduce((seq, entry) => (entry.kind === 'pay' ? Math.max(seq, entry.arrivalSeq) : seq), 0),
    };
  });
}

async function lockStock(trx: Knex.Transaction, itemNum: number): Promise<StockLevel> {
  const row: { quantity: number; version: number } | undefined = await trx('stocks')
    .select('quantity', 'version')
    .where({ item_id: itemNum })
    .forUpdate()
    .first();
  if (!row) throw new Error(`item ${itemNum} has no stock row`);
  return { quantity: Number(row.quantity), version: Number(row.version) };
}

/** The in-memory walk through one batch: what each entry does to its order and to the stock. */
class LineBatch {
  readonly payments: { order_id: number; amount: number }[] = [];
  private readonly touched = new Map<number, OrderChange>();
  private steps = 0;

  constructor(
    private readonly itemNum: number,
    public unitsLeft: number,
    private readonly stored: Map<number, OrderRow>,
    private readonly policy: PaymentPolicy,
  ) {}

  apply(entry: LineEntry): void {
    const change = this.changeOf(entry.orderNum);
    switch (entry.kind) {
      case 'record':
        if (!change) this.touched.set(entry.orderNum, this.newOrder(entry));
        return;
      case 'pay':
        if (change?.next.status === 'INITIATED') this.pay(change, entry.arrivalSeq);
        return;
      case 'cancel':
        if (change?.next.status === 'INITIATED') this.step(change, 'CANCELED', entry.reason);
        return;
    }
  }

  changes(): OrderChange[] {
    return [...this.touched.values()].filter((change) => change.transitions.length > 0);
  }

  settledOrders(): SettledOrder[] {
    return [...this.touched.values()].map((change) => ({
      orderNum: change.next.id,
      status: change.next.status,
      reason: change.transitions.at(-1)?.reason ?? '',
    }));
  }

  private pay(change: OrderChange, arrivalSeq: number): void {
    change.next.arrival_seq = arrivalSeq;
    this.step(change, 'IN_PROGRESS');
    const outcome = settlePayment(this.policy.failureRate, this.unitsLeft, change.next.quantity, this.policy.random);
    if (outcome === 'PAID') {
      this.unitsLeft -= change.next.quantity;
      this.payments.push({ order_id: change.next.id, amount: change.next.amount });
      this.step(change, 'PAID');
    } else {
      this.step(change, outcome, FAILURE_REASONS[outcome]);
    }
  }

  private step(change: OrderChange, to: OrderStatus, reason?: string): void {
    change.next.status = to;
    change.transitions.push({ to, step: ++this.steps, ...(reason === undefined ? {} : { reason }) });
  }

  private changeOf(orderNum: number): OrderChange | undefined {
    const seen = this.touched.get(orderNum);
    if (seen) return seen;
    const row = this.stored.get(orderNum);
    if (!row) return undefined;
    const change: OrderChange = { current: row, next: { ...row }, transitions: [] };
    this.touched.set(orderNum, change);
    return change;
  }

  private newOrder(entry: Extract<LineEntry, { kind: 'record' }>): OrderChange {
    return {
      current: null,
      next: {
        id: entry.orderNum,
        buyer_id: entry.buyerNum,
        item_id: this.itemNum,
        quantity: entry.quantity,
        unit_price: entry.unitPrice,
        amount: entry.quantity * entry.unitPrice,
        status: 'INITIATED',
        arrival_seq: null,
        created_at: entry.createdAt,
      },
      transitions: [{ to: 'INITIATED', step: ++this.steps }],
    };
  }
}
