import type { Knex } from 'knex';
import { commitInOneQuery, sqlOf, type Db } from '../db';
import type { Pagination } from '../validation';

type Querier = Db | Knex.Transaction;

/** An item joined with its stock row, as the catalog reads it. */
export interface ItemRecord {
  id: number;
  seller_id: number;
  title: string;
  description: string;
  price: number;
  available_at: Date | null;
  end_at: Date | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  /** Units one buyer may hold at once (DESIGN §10); null: no cap. */
  max_per_buyer: number | null;
  quantity: number;
  version: number;
}

export interface NewItem {
  sellerNum: number;
  title: string;
  description: string;
  price: number;
  stock: number;
  availableAt: Date | null;
  endAt: Date | null;
  /** Absent or null: no cap. */
  maxPerBuyer?: number | null;
}

export type ItemChanges = Partial<Pick<NewItem, 'title' | 'description' | 'price' | 'availableAt' | 'endAt' | 'maxPerBuyer'>>;

const ITEM_COLUMNS = [
  'items.id',
  'items.seller_id',
  'items.title',
  'items.description',
  'items.price',
  'items.available_at',
  'items.end_at',
  'items.created_at',
  'items.updated_at',
  'items.deleted_at',
  'items.max_per_buyer',
  'stocks.quantity',
  'stocks.version',
];

function withStock(db: Querier) {
  return db('items').join('stocks', 'stocks.item_id', 'items.id').select<ItemRecord[]>(ITEM_COLUMNS);
}

function normalize(row: ItemRecord): ItemRecord {
  return { ...row, id: Number(row.id), seller_id: Number(row.seller_id), price: Number(row.price), quantity: Number(row.quantity), version: Number(row.version) };
}

/** Inserts an item and its stock row, stamped `now`; answers the rows as stored, with nothing read back. */
export async function insertItemWithStock(trx: Knex.Transaction, item: NewItem, now: Date): Promise<ItemRecord> {
  const terms = {
    seller_id: item.sellerNum,
    title: item.title,
    description: item.description,
    price: item.price,
    available_at: item.availableAt,
    end_at: item.endAt,
    max_per_buyer: item.maxPerBuyer ?? null,
  };
  const [itemNum] = await trx('items').insert({ ...terms, created_at: now, updated_at: now });
  const stock = { quantity: item.stock, version: 1 };
  await trx('stocks').insert({ item_id: itemNum, ...stock, supplied: item.stock, updated_at: now });
  return { id: itemNum, ...terms, created_at: now, updated_at: now, deleted_at: null, ...stock };
}

/** Live items only: a deleted item is gone for everyone but its stock and order records. */
export async function findLiveItem(db: Querier, itemNum: number): Promise<ItemRecord | undefined> {
  const row = await withStock(db).where('items.id', itemNum).whereNull('items.deleted_at').first();
  return row && normalize(row);
}

/** Locks the item and its stock row for a change by its seller. */
export async function lockLiveItem(trx: Knex.Transaction, itemNum: number): Promise<ItemRecord | undefined> {
  const row = await withStock(trx).where('items.id', itemNum).whereNull('items.deleted_at').forUpdate().first();
  return row && normalize(row);
}

/** A page of live items, newest first: every seller's, or one seller's when `sellerNum` is given. */
export async function listLiveItems(db: Db, page: Pagination, sellerNum?: number): Promise<{ items: ItemRecord[]; total: number }> {
  const rows = withStock(db).whereNull('items.deleted_at');
  const counted = db('items').whereNull('items.deleted_at');
  if (sellerNum !== undefined) {
    rows.where('items.seller_id', sellerNum);
    counted.where('items.seller_id', sellerNum);
  }
  const [items, [{ total }]] = await Promise.all([
    rows
      .orderBy('items.id', 'desc')
      .limit(page.size)
      .offset((page.page - 1) * page.size),
    counted.count<{ total: number }[]>({ total: '*' }),
  ]);
  return { items: items.map(normalize), total: Number(total) };
}

/** The columns an edit of the item's terms sets (only the terms it names). */
export function termColumnsOf(changes: ItemChanges): Partial<Pick<ItemRecord, 'title' | 'description' | 'price' | 'available_at' | 'end_at' | 'max_per_buyer'>> {
  return {
    ...(changes.title === undefined ? {} : { title: changes.title }),
    ...(changes.description === undefined ? {} : { description: changes.description }),
    ...(changes.price === undefined ? {} : { price: changes.price }),
    ...(changes.availableAt === undefined ? {} : { available_at: changes.availableAt }),
    ...(changes.endAt === undefined ? {} : { end_at: changes.endAt }),
    ...(changes.maxPerBuyer === undefined ? {} : { max_per_buyer: changes.maxPerBuyer }),
  };
}

export async function updateItemTerms(trx: Knex.Transaction, itemNum: number, changes: ItemChanges, now: Date): Promise<void> {
  await trx('items')
    .where({ id: itemNum })
    .update({ ...termColumnsOf(changes), updated_at: now });
}

/** Sets the units on sale; `supplied` follows, so the no-oversell audit still balances. */
export async function setStockQuantity(trx: Knex.Transaction, item: ItemRecord, quantity: number, now: Date): Promise<number> {
  const version = item.version + 1;
  await trx('stocks')
    .where({ item_id: item.id })
    .update({ quantity, supplied: trx.raw('supplied + ?', [quantity - item.quantity]), version, updated_at: now });
  return version;
}

export async function softDeleteItem(trx: Knex.Transaction, itemNum: number, now: Date): Promise<void> {
  await trx('items').where({ id: itemNum }).update({ deleted_at: now, updated_at: now });
}

/** Up to `limit` newest live items whose sale has not ended (callers apply isPurchasableAt for the exact rule). */
export async function listUnendedItems(db: Db, now: Date, limit: number): Promise<ItemRecord[]> {
  const rows = await withStock(db)
    .whereNull('items.deleted_at')
    .where((unended) => {
      unended.whereNull('items.end_at').orWhere('items.end_at', '>', now);
    })
    .orderBy('items.id', 'desc')
    .limit(limit);
  return rows.map(normalize);
}

/** The stock row's level: units left and the version a Redis gate compares (see sale-state-sync.ts). */
export interface StockLevel {
  quantity: number;
  version: number;
}

/** Locks an item's stock row for the rest of the transaction; every writer of stock locks it first. */
export async function lockStock(trx: Knex.Transaction, itemNum: number): Promise<StockLevel> {
  return stockLevelOf(await lockStockQuery(trx, itemNum).first<StockLevel | undefined>(), itemNum);
}

/** The read of lockStock, not sent yet (its answer: the rows, for stockLevelOf). */
export function lockStockQuery(trx: Knex, itemNum: number): Knex.QueryBuilder {
  return trx('stocks').where({ item_id: itemNum }).forUpdate().select('quantity', 'version');
}

/**
 * Commits `writes` in one query (commitInOneQuery) behind the item's stock lock, only if MySQL
 * finds the stock at `level` when it gets the lock: otherwise it refuses the query (isStockElsewhere)
 * and nothing is written. What a batch sent ahead of the one before it relies on.
 */
export function commitAtStockLevel(db: Db, itemNum: number, level: StockLevel, writes: string[]): Promise<unknown[]> {
  return commitInOneQuery(db, [sqlOf(lockStockQuery(db, itemNum)), sqlOf(stockAtLevelCheck(db, itemNum, level)), ...writes]);
}

/** A read that MySQL itself refuses unless the item's stock is at `level` ("Subquery returns more than 1 row", whatever the SQL mode). */
function stockAtLevelCheck(trx: Knex, itemNum: number, level: StockLevel): Knex.QueryBuilder {
  const elsewhere = trx('stocks').where({ item_id: itemNum }).whereRaw('not (quantity = ? and version = ?)', [level.quantity, level.version]).select(trx.raw('1'));
  return trx.select({ stock_at_level: trx.raw('(?)', [elsewhere.unionAll(trx.raw('select 1'))]) });
}

/** Whether MySQL refused a statement made by stockAtLevelCheck: the stock was not at that level. */
export function isStockElsewhere(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'ER_SUBQUERY_NO_1_ROW';
}

/** The level in the stock row lockStockQuery read. */
export function stockLevelOf(row: StockLevel | undefined, itemNum: number): StockLevel {
  if (!row) throw new Error(`item ${itemNum} has no stock row`);
  return { quantity: Number(row.quantity), version: Number(row.version) };
}

/** Writes a new level to a stock row the transaction holds locked (units sold or given back; supplied stays). */
export async function writeStock(trx: Knex.Transaction, itemNum: number, level: StockLevel, now: Date): Promise<void> {
  await stockWrite(trx, itemNum, level, now);
}

/** The write of writeStock, not sent yet. */
export function stockWrite(trx: Knex, itemNum: number, level: StockLevel, now: Date): Knex.QueryBuilder {
  return trx('stocks').where({ item_id: itemNum }).update({ quantity: level.quantity, version: level.version, updated_at: now });
}

/** What an item's Redis sale state is written from (sale-state-sync.ts); deleted items too. */
export interface SaleStateRow {
  id: number;
  seller_id: number;
  price: number;
  available_at: Date | null;
  end_at: Date | null;
  deleted_at: Date | null;
  max_per_buyer: number | null;
  quantity: number;
  version: number;
}

function saleStateRows(db: Db) {
  return db('items')
    .join('stocks', 'stocks.item_id', 'items.id')
    .select<SaleStateRow[]>('items.id', 'items.seller_id', 'items.price', 'items.available_at', 'items.end_at', 'items.deleted_at', 'items.max_per_buyer', 'stocks.quantity', 'stocks.version');
}

export async function findSaleStateRow(db: Db, itemNum: number): Promise<SaleStateRow | undefined> {
  return saleStateRows(db).where('items.id', itemNum).first();
}

export async function listSaleStateRows(db: Db): Promise<SaleStateRow[]> {
  return saleStateRows(db);
}
