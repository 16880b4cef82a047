import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { readRedisClock } from '../redis-clock';
import type { Pagination } from '../validation';
import { findLiveItem, listLiveItems } from './item-repository';
import { listedItemViewOf, stockViewOf, type ListedItemView, type StockView } from './item-view';

/** Public browsing: live items newest first, each saying whether it is on sale now by the service's clock. */
export async function browseItems(ctx: ServiceContext, page: Pagination) {
  const [{ items, total }, now] = await Promise.all([listLiveItems(ctx.db, page), serviceNow(ctx)]);
  return { items: items.map((item) => listedItemViewOf(item, now)), page: page.page, size: page.size, total };
}

export async function itemDetail(ctx: ServiceContext, itemNum: number): Promise<ListedItemView> {
  const [item, now] = await Promise.all([findLiveItem(ctx.db, itemNum), serviceNow(ctx)]);
  if (!item) throw notFound('Item', 'ITEM_NOT_FOUND');
  return listedItemViewOf(item, now);
}

/** The instant the order step would judge the window at: Redis's clock, read beside the MySQL query. */
async function serviceNow(ctx: ServiceContext): Promise<Date> {
  return new Date(await readRedisClock(ctx.redis));
}

export async function itemStock(ctx: ServiceContext, itemNum: number): Promise<StockView> {
  const item = await findLiveItem(ctx.db, itemNum);
  if (!item) throw notFound('Item', 'ITEM_NOT_FOUND');
  return stockViewOf(item);
}
