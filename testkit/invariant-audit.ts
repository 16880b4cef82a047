import type { Db } from '../shared/db';
import { isSettled, type OrderStatus } from '../shared/orders/order-status';

/**
 * DESIGN §5 invariants 1-4 for one item, and the buyer's share of §10, read from MySQL. Returns the
 * violations found (empty: all hold).
 * `acceptedOrderNums`: every order the API answered 2xx for; each must be settled in MySQL.
 */
export async function auditItemInvariants(db: Db, itemNum: number, acceptedOrderNums: number[] = []): Promise<string[]> {
  const violations: string[] = [];
  const stock = await db('stocks').where({ item_id: itemNum }).first<{ quantity: number; supplied: number }>();
  const paid = await db('payments')
    .join('orders', 'orders.id', 'payments.order_id')
    .where('orders.item_id', itemNum)
    .select<{ status: 'PAID' | 'REFUNDED'; quantity: number; order_status: OrderStatus; id: number }[]>('payments.status', 'orders.quantity', 'orders.status as order_status', 'orders.id');
  const soldUnits = paid.reduce((sum, row) => sum + Number(row.quantity), 0);
  const refundedUnits = paid.filter((row) => row.status === 'REFUNDED').reduce((sum, row) => sum + Number(row.quantity), 0);

  // 1. No oversell.
  if (Number(stock.quantity) < 0) violations.push(`stock negative: ${stock.quantity}`);
  if (Number(stock.supplied) + refundedUnits !== Number(stock.quantity) + soldUnits) {
    violations.push(`oversell: supplied ${stock.supplied} + refunded ${refundedUnits} != stock ${stock.quantity} + sold ${soldUnits}`);
  }

  // 2. None lost.
  const orders = await db('orders')
    .where({ item_id: itemNum })
    .select<{ id: number; status: OrderStatus; arrival_seq: number | null }[]>('id', 'status', 'arrival_seq');
  const statusOf = new Map(orders.map((order) => [Number(order.id), order.status]));
  for (const orderNum of acceptedOrderNums) {
    const status = statusOf.get(orderNum);
    if (status === undefined) violations.push(`order ${orderNum} lost: not in MySQL`);
    else if (!isSettled(status)) violations.push(`order ${orderNum} not settled: ${status}`);
  }

  // 3. Exactly once: one PAID payment per PAID order, refunded ones for orders canceled after payment.
  const paymentOf = new Map(paid.map((row) => [Number(row.id), row.status]));
  for (const order of orders) {
    const payment = paymentOf.get(Number(order.id));
    if (order.status === 'PAID' && payment !== 'PAID') violations.push(`order ${order.id} PAID with payment ${payment}`);
    if (order.status !== 'PAID' && payment === 'PAID') violations.push(`order ${order.id} ${order.status} with a PAID payment`);
  }
  const histories: { order_id: number; to_status: string; from_status: string | null; id: number }[] = await db('order_histories')
    .join('orders', 'orders.id', 'order_histories.order_id')
    .where('orders.item_id', itemNum)
    .orderBy('order_histories.id')
    .select('order_histories.order_id', 'order_histories.to_status', 'order_histories.from_status', 'order_histories.id');
  const lastStatus = new Map<number, string>();
  for (const row of histories) {
    const orderNum = Number(row.order_id);
    if ((lastStatus.get(orderNum) ?? null) !== row.from_status) {
      violations.push(`order ${orderNum}: history jumps from ${lastStatus.get(orderNum)} to ${row.from_status}->${row.to_status}`);
    }
    lastStatus.set(orderNum, row.to_status);
  }
  for (const order of orders) {
    if (lastStatus.get(Number(order.id)) !== order.status) violations.push(`order ${order.id}: status ${order.status} but history ends at ${lastStatus.get(Number(order.id))}`);
  }

  // 4. First come, first served: payments settled in arrival order.
  const seqOf = new Map(orders.map((order) => [Number(order.id), order.arrival_seq === null ? null : Number(order.arrival_seq)]));
  let previous = 0;
  for (const row of histories.filter((history) => history.from_status === 'IN_PROGRESS')) {
    const seq = seqOf.get(Number(row.order_id)) ?? 0;
    if (seq <= previous) violations.push(`order ${row.order_id} (arrival ${seq}) settled after arrival ${previous}`);
    previous = Math.max(previous, seq);
  }

  // A buyer's share: nobody ends with more PAID units than the cap. (A seller who lowers the cap
  // cancels nothing, so a run that lowers it below what a buyer paid for can't use this check.)
  const { max_per_buyer: cap } = await db('items').where({ id: itemNum }).first<{ max_per_buyer: number | null }>('max_per_buyer');
  if (cap !== null) {
    const overCap: { buyer_id: number; units: number }[] = await db('orders')
      .where({ item_id: itemNum, status: 'PAID' })
      .groupBy('buyer_id')
      .havingRaw('SUM(quantity) > ?', [cap])
      .select('buyer_id')
      .sum({ units: 'quantity' });
    for (const row of overCap) violations.push(`buyer ${row.buyer_id} has ${row.units} PAID units, over maxPerBuyer ${cap}`);
  }
  return violations;
}
