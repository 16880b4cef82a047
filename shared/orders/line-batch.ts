import type { LineEntry } from './line-entries';
import type { OrderStatus } from './order-status';
import type { OrderRow } from './order-repository';
import type { OrderChange } from './order-transitions';
import { FAILURE_REASONS, settlePayment } from './payment-simulation';

export interface PaymentPolicy {
  failureRate: number;
  random: () => number;
}

/** An order the batch touched, with its status after it (INITIATED for one only recorded). */
export interface TouchedOrder {
  orderNum: number;
  status: OrderStatus;
  reason: string;
}

/** The history rows the batch writes for one order: the status it moves from (null: a new order), then each step. */
export interface HistoryAdded {
  orderNum: number;
  from: OrderStatus | null;
  steps: { to: OrderStatus; reason: string | null }[];
  /** The order as the batch leaves it. */
  order: OrderRow;
}

/** The in-memory walk through one batch: what each entry does to its order and to the stock. */
export class LineBatch {
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

  historyAdded(): HistoryAdded[] {
    return this.changes().map((change) => ({
      orderNum: change.next.id,
      from: change.current?.status ?? null,
      steps: change.transitions.map((step) => ({ to: step.to, reason: step.reason ?? null })),
      order: change.next,
    }));
  }

  touchedOrders(): TouchedOrder[] {
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
