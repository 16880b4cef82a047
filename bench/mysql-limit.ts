import { bulkInsertSql, sendWrites, sqlOf, type Db } from '../shared/db';

/**
 * The limit beside the hot-item drain: the bare MySQL statements of one drain batch (lock the
 * stock row, one stock UPDATE, multi-row inserts of orders, their histories and payments), with
 * the same batch size, from one connection, with no Redis and no queue in between. The orders are
 * the drain's rows: the same buyers in turn (each order's buyer is checked against `users` and
 * placed in the buyer index, which for one buyer alone would be one hot page), every one PAID.
 * Its writes are made and sent as the drain makes and sends them (their SQL written by the same
 * functions, sent at once): what is compared is the statements, not the client's way to them.
 */
export async function measureBareBatchStatements(db: Db, itemNum: number, buyerNums: number[], ordersPerBatch: number, batches: number): Promise<{ ordersPerSecond: number }> {
  const [{ highest }] = await db('orders').max<{ highest: number | null }[]>({ highest: 'id' });
  let nextOrderNum = Number(highest ?? 0) + 1_000_000;
  const started = process.hrtime.bigint();
  for (let batch = 0; batch < batches; batch++) {
    await db.transaction(async (trx) => {
      const stock = await trx('stocks').where({ item_id: itemNum }).forUpdate().first<{ quantity: number; supplied: number; version: number }>();
      const now = new Date();
      const orders = Array.from({ length: ordersPerBatch }, (_, i) => ({
        id: nextOrderNum + i,
        buyer_id: buyerNums[(nextOrderNum + i) % buyerNums.length],
        item_id: itemNum,
        quantity: 1,
        unit_price: 1000,
        amount: 1000,
        status: 'PAID',
        arrival_seq: nextOrderNum + i,
        created_at: now,
      }));
      nextOrderNum += ordersPerBatch;
      await sendWrites(trx, [
        () => bulkInsertSql('orders', orders),
        () =>
          bulkInsertSql(
            'order_histories',
            orders.flatMap((order) => [
              { order_id: order.id, from_status: null, to_status: 'INITIATED', created_at: now },
              { order_id: order.id, from_status: 'INITIATED', to_status: 'IN_PROGRESS', created_at: now },
              { order_id: order.id, from_status: 'IN_PROGRESS', to_status: 'PAID', created_at: now },
            ]),
          ),
        () => bulkInsertSql('payments', orders.map((order) => ({ order_id: order.id, amount: 1000, status: 'PAID', paid_at: now }))),
        () => sqlOf(trx('stocks').where({ item_id: itemNum }).update({ quantity: Number(stock.quantity) - ordersPerBatch, supplied: Number(stock.supplied), version: Number(stock.version) + 1 })),
      ]);
    });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ordersPerSecond: (ordersPerBatch * batches) / seconds };
}
