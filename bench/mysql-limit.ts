import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Config } from '../shared/config';
import { bulkInsertSql, createDb, sqlOf, type Db } from '../shared/db';
import { commitAtStockLevel, isStockElsewhere, stockLevelOf, stockWrite, type StockLevel } from '../shared/items/item-repository';
import { cpuMsByRole, cpuUsPerOrderSince, machineCpuShareSince, machineCpuTicks, type CpuRoles, type MachineCpuShare } from './machine-cpu';

/**
 * The limit beside the hot-item drain: the bare MySQL statements of one drain batch (lock the
 * stock row, MySQL's check of its level, one stock UPDATE, multi-row inserts of orders, their
 * histories and payments), with the same batch size, from connections set up as the worker's,
 * with no Redis and no queue in between. The orders are the drain's rows: the same buyers in turn
 * (each order's buyer is checked against `users` and placed in the buyer index, which for one
 * buyer alone would be one hot page), every one PAID. Its statements are made and sent as the drain makes and sends a batch walked
 * ahead (their SQL written by the same functions while the batch before is in MySQL; each batch
 * one query that locks, checks the level, writes and commits): what is compared is the statements,
 * not the client's way to them. On one connection (DESIGN §8's limit) a batch is sent when the one
 * before has committed; on two, as the drain sends them, as soon as it is made, on a connection of
 * its own, behind the batch before.
 */
export async function measureBareBatchStatements(
  config: Pick<Config, 'databaseUrl'>,
  itemNum: number,
  buyerNums: number[],
  ordersPerBatch: number,
  batches: number,
  cpuRoles: CpuRoles,
  connections: 1 | 2,
): Promise<{ ordersPerSecond: number; machineCpu: MachineCpuShare; cpuUsPerOrder: Record<string, number> }> {
  // On one connection the next batch, sent while the one before is in MySQL, waits in the pool for it.
  const db = createDb(config, { pool: { min: connections, max: connections }, multipleStatements: true });
  try {
    const [{ highest }] = await db('orders').max<{ highest: number | null }[]>({ highest: 'id' });
    const firstOrderNum = Number(highest ?? 0) + 1_000_000;
    const stock = stockLevelOf(await db('stocks').where({ item_id: itemNum }).first('quantity', 'version'), itemNum);
    let next = batchStatements(db, itemNum, buyerNums, firstOrderNum, ordersPerBatch, stock);
    const cpuByRoleBefore = await cpuMsByRole(cpuRoles);
    const started = process.hrtime.bigint();
    const cpuBefore = machineCpuTicks();
    const send = (batch: BatchStatements) => commitAtStockLevel(db, itemNum, batch.before, batch.writes);
    let batchBefore: Promise<unknown> = Promise.resolve();
    for (let batch = 0; batch < batches; batch++) {
      const current = next;
      const behind = batchBefore;
      // On two connections, a batch may reach the lock before the one sent ahead of it: refused, it goes again behind that one.
      const committed = send(current).catch(async (error: unknown) => {
        if (!isStockElsewhere(error)) throw error;
        await behind;
        return send(current);
      });
      committed.catch(() => undefined);
      await nextTurn();
      next = batchStatements(db, itemNum, buyerNums, current.nextOrderNum, ordersPerBatch, current.after);
      await behind;
      batchBefore = committed;
    }
    await batchBefore;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const machineCpu = machineCpuShareSince(cpuBefore);
    return { ordersPerSecond: (ordersPerBatch * batches) / seconds, machineCpu, cpuUsPerOrder: await cpuUsPerOrderSince(cpuRoles, cpuByRoleBefore, ordersPerBatch * batches) };
  } finally {
    await db.destroy();
  }
}

interface BatchStatements {
  writes: string[];
  /** The level the batch was made on, and the one it leaves. */
  before: StockLevel;
  after: StockLevel;
  nextOrderNum: number;
}

/** One batch's writes: `ordersPerBatch` new orders from `firstOrderNum`, each paid, the stock moved from `stock`. */
function batchStatements(db: Db, itemNum: number, buyerNums: number[], firstOrderNum: number, ordersPerBatch: number, stock: StockLevel): BatchStatements {
  const now = new Date();
  const orders = Array.from({ length: ordersPerBatch }, (_, i) => ({
    id: firstOrderNum + i,
    buyer_id: buyerNums[(firstOrderNum + i) % buyerNums.length],
    item_id: itemNum,
    quantity: 1,
    unit_price: 1000,
    amount: 1000,
    status: 'PAID',
    arrival_seq: firstOrderNum + i,
    created_at: now,
    updated_at: now,
  }));
  const after: StockLevel = { quantity: stock.quantity - ordersPerBatch, version: stock.version + 1 };
  const writes = [
    bulkInsertSql('orders', orders),
    bulkInsertSql(
      'order_histories',
      orders.flatMap((order) => [
        { order_id: order.id, from_status: null, to_status: 'INITIATED', reason: null, created_at: now },
        { order_id: order.id, from_status: 'INITIATED', to_status: 'IN_PROGRESS', reason: null, created_at: now },
        { order_id: order.id, from_status: 'IN_PROGRESS', to_status: 'PAID', reason: null, created_at: now },
      ]),
    ),
    bulkInsertSql('payments', orders.map((order) => ({ order_id: order.id, amount: 1000, status: 'PAID', paid_at: now }))),
    sqlOf(stockWrite(db, itemNum, after, now)),
  ];
  return { writes, before: stock, after, nextOrderNum: firstOrderNum + ordersPerBatch };
}
