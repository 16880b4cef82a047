import type { ItemRecord } from './item-repository';
import { saleStatusAt, type SaleStatus } from './sale-window';

/** An item as the API shows it (the seed's fields), times in UTC. */
export interface ItemView {
  itemNum: number;
  sellerNum: number;
  title: string;
  description: string;
  price: number;
  availableAt: string | null;
  endAt: string | null;
  /** Units one buyer may hold at once; null: no cap. */
  maxPerBuyer: number | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface StockView {
  itemNum: number;
  stock: number;
}

/**
 * What browsing shows: the item, whether it is on sale at `serverTime` (the service's clock, which
 * a page counts down to availableAt by rather than its device's), and the units left.
 */
export interface ListedItemView extends ItemView {
  saleStatus: SaleStatus;
  serverTime: string;
  stock: number;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function itemViewOf(row: ItemRecord): ItemView {
  return {
    itemNum: row.id,
    sellerNum: row.seller_id,
    title: row.title,
    description: row.description,
    price: row.price,
    availableAt: iso(row.available_at),
    endAt: iso(row.end_at),
    maxPerBuyer: row.max_per_buyer,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: iso(row.deleted_at),
  };
}

export function stockViewOf(row: ItemRecord): StockView {
  return { itemNum: row.id, stock: row.quantity };
}

export function listedItemViewOf(row: ItemRecord, now: Date): ListedItemView {
  return {
    ...itemViewOf(row),
    saleStatus: saleStatusAt({ availableAt: row.available_at, endAt: row.end_at }, now),
    serverTime: now.toISOString(),
    stock: row.quantity,
  };
}
