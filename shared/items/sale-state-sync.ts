/**
 * CONTRACT between the catalog (writer) and the order hot path (reader): the per-item sale state
 * kept in one Redis hash, `redisKeys.itemSaleState(itemNum)`, so that one Lua step can check the
 * sale window, the price and the stock gate of an order atomically without MySQL.
 *
 * Field          | written by                     | meaning
 * ---------------|--------------------------------|---------------------------------------------------
 * price          | catalog                        | unit price (integer, smallest currency unit)
 * sellerNum      | catalog                        | owner
 * availableAt    | catalog                        | epoch ms, or '' for a normal item
 * endAt          | catalog                        | epoch ms, or '' for no end
 * deleted        | catalog                        | '1' once soft-deleted, else '0'
 * maxPerBuyer    | catalog                        | units one buyer may hold at once, or '' for no cap
 * stock          | catalog + order workers        | units left in MySQL (stocks.quantity) as of stockVersion
 * stockVersion   | catalog + order workers        | stocks.version that `stock` reflects; a write carrying
 *                |                                | a lower version is ignored (stale writer)
 * inflight       | order pipeline                 | units in payments queued but not yet applied
 * arrivals       | order pipeline                 | payments that took a place in the item's line so far
 * processedSeq   | order pipeline                 | the last of those applied in MySQL (place in line)
 * drainPending   | order pipeline                 | '1' while a drain is asked for or running
 *
 * The catalog never deletes the hash, it only marks `deleted`, and leaves the pipeline's fields alone.
 */
import type { Redis } from 'ioredis';
import type { Db } from '../db';
import { LuaScript, replies } from '../lua/lua-script';
import { redisKeys } from '../redis-keys';
import { findSaleStateRow, listSaleStateRows, type SaleStateRow, type StockLevel } from './item-repository';

const here = `${__dirname}/lua`;
const publishStockScript = new LuaScript(`${here}/publish-stock.lua`, 1, replies.flag('publish-stock'));
const writeSaleStateScript = new LuaScript(`${here}/write-item-sale-state.lua`, 1, replies.flag('write-item-sale-state'));

/** Puts MySQL's stock (as of `version`) into the item's Redis gate; stale versions are ignored. */
export async function publishStock(redis: Redis, itemNum: number, stock: StockLevel): Promise<void> {
  await publishStockScript.run(redis, [redisKeys.itemSaleState(itemNum)], [stock.quantity, stock.version]);
}

const epochOrEmpty = (date: Date | null) => (date ? date.getTime() : '');

/**
 * How the stock gate takes MySQL's stock: `forward` only if newer than what it holds (any writer
 * racing others); `exact` as it is (a new item, or start-up, when Redis may hold leftovers).
 */
export type StockWriteMode = 'forward' | 'exact';

/** Writes one item's sale terms and stock from its MySQL rows. */
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
      row.max_per_buyer ?? '',
    ],
  );
}

/** Rebuilds one item's sale state from MySQL (a Redis miss); false if MySQL has no such item. */
export async function syncItemSaleState(db: Db, redis: Redis, itemNum: number): Promise<boolean> {
  const row = await findSaleStateRow(db, itemNum);
  if (!row) return false;
  await writeItemSaleState(redis, row, 'forward');
  return true;
}

/** Rebuilds every item's sale state from MySQL, MySQL's stock winning (start-up reconciliation); returns the itemNums. */
export async function syncAllItemSaleStates(db: Db, redis: Redis): Promise<number[]> {
  const rows = await listSaleStateRows(db);
  for (const row of rows) await writeItemSaleState(redis, row, 'exact');
  return rows.map((row) => Number(row.id));
}
