import type { Redis } from 'ioredis';
import type { Db } from '../db';
import { LuaScript, replies } from '../lua/lua-script';
import { redisKeys } from '../redis-keys';

const here = `${__dirname}/lua`;
const publishStockScript = new LuaScript(`${here}/publish-stock.lua`, 1, replies.flag('publish-stock'));
const writeSaleStateScript = new LuaScript(`${here}/write-item-sale-state.lua`, 1, replies.flag('write-item-sale-state'));

export interface StockSnapshot {
  quantity: number;
  version: number;
}

/** Puts MySQL's stock (as of `version`) into the item's Redis gate; stale versions are ignored. */
export async function publishStock(redis: Redis, itemNum: number, stock: StockSnapshot): Promise<void> {
  await publishStockScript.run(redis, [redisKeys.itemSaleState(itemNum)], [stock.quantity, stock.version]);
}

interface SaleStateRow {
  id: number;
  seller_id: number;
  price: number;
  available_at: Date | null;
  end_at: Date | null;
  deleted_at: Date | null;
  quantity: number;
  version: number;
}

const epochOrEmpty = (date: Date | null) => (date ? date.getTime() : '');

/**
 * How the stock gate takes MySQL's stock: `forward` only if newer than what it holds (any writer
 * racing others); `exact` as it is (a new item, or start-up, when Redis may hold leftovers).
 */
export type StockWriteMode = 'forward' | 'exact';

/** Writes one item's sale state (shared/items/sale-state.ts) from its MySQL rows. */
export async function writeItemSaleState(redis: Redis, row: SaleStateRow, mode: StockWriteMode): Promise<void> {
  await writeSaleStateScript.run(
    redis,
    [redisKeys.itemSaleState(Number(row.id))],
    [
      Number(row.id),
      Number(row.seller_id),
      Number(row.price),
      epochOrEmpty(row.available_at),
      epochOrEmpty(row.end_at),
      row.deleted_at ? 1 : 0,
      Number(row.quantity),
      Number(row.version),
      mode,
    ],
  );
}

function saleStateRows(db: Db) {
  return db('items')
    .join('stocks', 'stocks.item_id', 'items.id')
    .select<SaleStateRow[]>('items.id', 'items.seller_id', 'items.price', 'items.available_at', 'items.end_at', 'items.deleted_at', 'stocks.quantity', 'stocks.version');
}

/** Rebuilds one item's sale state from MySQL (a Redis miss); false if MySQL has no such item. */
export async function syncItemSaleState(db: Db, redis: Redis, itemNum: number): Promise<boolean> {
  const row = await saleStateRows(db).where('items.id', itemNum).first();
  if (!row) return false;
  await writeItemSaleState(redis, row, 'forward');
  return true;
}

/** Rebuilds every item's sale state from MySQL, MySQL's stock winning (start-up reconciliation); returns the itemNums. */
export async function syncAllItemSaleStates(db: Db, redis: Redis): Promise<number[]> {
  const rows = await saleStateRows(db);
  for (const row of rows) await writeItemSaleState(redis, row, 'exact');
  return rows.map((row) => Number(row.id));
}
