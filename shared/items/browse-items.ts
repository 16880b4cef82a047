import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import type { Pagination } from '../validation';
import { findLiveItem, listLiveItems } from './item-repository';
import { listedItemViewOf, stockViewOf, type ListedItemView, type StockView } from './item-view';

/** Public browsing: live items newest first, each saying whether it is on sale now. */
export async function browseItems(ctx: ServiceContext, page: Pagination) {
  const { items, total } = await listLiveItems(ctx.db, page);
  const now = new Date();
  return { items: items.map((item) => listedItemViewOf(item, now)), page: page.page, size: page.size, total };
}

export async function itemDetail(ctx: ServiceContext, itemNum: number): Promise<ListedItemView> {
  const item = await findLiveItem(ctx.db, itemNum);
  if (!item) throw notFound('Item', 'ITEM_NOT_FOUND');
  return listedItemViewOf(item, new Date());
}

export async function itemStock(ctx: ServiceContext, itemNum: number): Promise<StockView> {
  const item = await findLiveItem(ctx.db, itemNum);
  if (!item) throw notFound('Item', 'ITEM_NOT_FOUND');
  return stockViewOf(item);
}
