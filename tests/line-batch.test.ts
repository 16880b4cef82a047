import { expect } from 'chai';
import { LineBatch, type PaymentPolicy } from '../shared/orders/line-batch';
import type { LineEntry } from '../shared/orders/line-entries';
import type { OrderStatus } from '../shared/orders/order-status';
import type { OrderRow } from '../shared/orders/order-repository';

const ITEM = 5;
const PRICE = 1000;
const CREATED = new Date('2030-01-01T09:00:00Z');

const neverDeclines: PaymentPolicy = { failureRate: 0.2, random: () => 0.99 };
const alwaysDeclines: PaymentPolicy = { failureRate: 0.2, random: () => 0 };

const row = (orderNum: number, status: OrderStatus, quantity = 1): OrderRow => ({
  id: orderNum,
  buyer_id: 9,
  item_id: ITEM,
  quantity,
  unit_price: PRICE,
  amount: quantity * PRICE,
  status,
  arrival_seq: null,
  created_at: CREATED,
});
const record = (orderNum: number, quantity = 1): LineEntry => ({ kind: 'record', orderNum, buyerNum: 9, quantity, unitPrice: PRICE, createdAt: CREATED });
const pay = (orderNum: number, arrivalSeq: number, quantity = 1): LineEntry => ({ kind: 'pay', orderNum, quantity, arrivalSeq });
const cancel = (orderNum: number): LineEntry => ({ kind: 'cancel', orderNum, reason: 'CANCELED_BY_BUYER' });

/** Walks the entries over orders as MySQL has them locked; what the batch would write. */
function walk(entries: LineEntry[], { stock = 10, rows = [] as OrderRow[], policy = neverDeclines } = {}) {
  const batch = new LineBatch(ITEM, stock, new Map(rows.map((order) => [order.id, order])), policy);
  for (const entry of entries) batch.apply(entry);
  const steps = batch
    .changes()
    .flatMap((change) => change.transitions.map((step) => ({ step: step.step, text: `${change.next.id}:${step.to}${step.reason ? `(${step.reason})` : ''}` })))
    .sort((a, b) => a.step! - b.step!)
    .map(({ text }) => text);
  return { steps, unitsLeft: batch.unitsLeft, payments: batch.payments, touched: batch.touchedOrders(), changes: batch.changes() };
}

describe('The walk through a batch of line entries (no I/O)', () => {
  it('When a record entry meets an order MySQL does not have, the order is written INITIATED with the entry\'s terms', () => {
    const { steps, changes, touched } = walk([record(1, 3)]);
    expect(steps).to.deep.equal(['1:INITIATED']);
    expect(changes[0].current).to.equal(null);
    expect(changes[0].next).to.deep.include({ id: 1, buyer_id: 9, item_id: ITEM, quantity: 3, unit_price: PRICE, amount: 3 * PRICE, status: 'INITIATED', created_at: CREATED });
    expect(touched).to.deep.equal([{ orderNum: 1, status: 'INITIATED', reason: '' }]);
  });

  it('When a payment entry meets an INITIATED order, it is PAID while units last, FAILED_QUANTITY after, FAILED_CUSTOMER when declined, in line order', () => {
    const rows = [row(1, 'INITIATED', 2), row(2, 'INITIATED', 2), row(3, 'INITIATED', 1)];
    const { steps, unitsLeft, payments, changes } = walk([pay(1, 1, 2), pay(2, 2, 2), pay(3, 3)], { stock: 3, rows });
    expect(steps).to.deep.equal(['1:IN_PROGRESS', '1:PAID', '2:IN_PROGRESS', '2:FAILED_QUANTITY(OUT_OF_STOCK)', '3:IN_PROGRESS', '3:PAID']);
    expect(unitsLeft).to.equal(0);
    expect(payments).to.deep.equal([
      { order_id: 1, amount: 2 * PRICE },
      { order_id: 3, amount: PRICE },
    ]);
    expect(changes.map((change) => change.next.arrival_seq)).to.deep.equal([1, 2, 3]);

    const declined = walk([pay(1, 7)], { rows: [row(1, 'INITIATED')], policy: alwaysDeclines });
    expect(declined.steps).to.deep.equal(['1:IN_PROGRESS', '1:FAILED_CUSTOMER(PAYMENT_DECLINED)']);
    expect(declined.unitsLeft).to.equal(10);
    expect(declined.payments).to.deep.equal([]);
  });

  it('When a cancel entry meets an INITIATED order, it is CANCELED with the entry\'s reason and no units move', () => {
    const { steps, unitsLeft } = walk([cancel(1)], { rows: [row(1, 'INITIATED')] });
    expect(steps).to.deep.equal(['1:CANCELED(CANCELED_BY_BUYER)']);
    expect(unitsLeft).to.equal(10);
  });

  for (const status of ['IN_PROGRESS', 'PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED'] as const) {
    it(`When any entry meets an order that is ${status} already (a batch replayed after a crash), nothing changes`, () => {
      const { steps, unitsLeft, payments, touched } = walk([record(1), pay(1, 1), cancel(1)], { rows: [row(1, status)] });
      expect(steps).to.deep.equal([]);
      expect(unitsLeft).to.equal(10);
      expect(payments).to.deep.equal([]);
      expect(touched).to.deep.equal([{ orderNum: 1, status, reason: '' }]);
    });
  }

  it('When a payment or cancel entry names an order neither MySQL nor the batch has, it is skipped', () => {
    const { steps, touched } = walk([pay(1, 1), cancel(2)]);
    expect(steps).to.deep.equal([]);
    expect(touched).to.deep.equal([]);
  });

  it('When one batch holds an order\'s record, cancel and a later payment, it is recorded then canceled and the payment does nothing; steps keep the line\'s order across orders', () => {
    const { steps, unitsLeft, touched } = walk([record(1), record(2), cancel(1), pay(2, 1), pay(1, 2)]);
    expect(steps).to.deep.equal(['1:INITIATED', '2:INITIATED', '1:CANCELED(CANCELED_BY_BUYER)', '2:IN_PROGRESS', '2:PAID']);
    expect(unitsLeft).to.equal(9);
    expect(touched).to.deep.equal([
      { orderNum: 1, status: 'CANCELED', reason: 'CANCELED_BY_BUYER' },
      { orderNum: 2, status: 'PAID', reason: '' },
    ]);
  });
});
