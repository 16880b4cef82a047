import type { ServiceContext } from '../context';
import { countOrdersByItemAndStatus } from '../orders/order-repository';
import { readRedisClock } from '../redis-clock';
import type { Pagination } from '../validation';
import { lineFiguresOf, type LineFigures } from './item-live-figures';
import { listLiveItems } from './item-repository';
import { listedItemViewOf, type ListedItemView } from './item-view';

/** What a seller watches of an item while it sells: the line in Redis and the outcomes in MySQL. */
interface LiveFigures extends LineFigures {
  paidOrders: number;
  /** Orders whose payment failed: declined (FAILED_CUSTOMER) or too late for the stock (FAILED_QUANTITY). */
  failedOrders: number;
}

interface SellerItemView extends ListedItemView {
  live: LiveFigures;
}

/** The seller's own live items, newest first, each with its live figures (the seller page refreshes them every second). */
export async function sellerItems(ctx: ServiceContext, sellerNum: number, page: Pagination) {
  const [{ items, total }, at] = await Promise.all([listLiveItems(ctx.db, page, sellerNum), readRedisClock(ctx.redis)]);
  const itemNums = items.map((item) => item.id);
  const [counts, lines] = await Promise.all([countOrdersByItemAndStatus(ctx.db, itemNums), Promise.all(itemNums.map((itemNum) => lineFiguresOf(ctx.redis, itemNum)))]);
  const views: SellerItemView[] = items.map((item, i) => {
    const orders = counts.get(item.id) ?? {};
    return {
      ...listedItemViewOf(item, new Date(at)),
      live: { ...lines[i], paidOrders: orders.PAID ?? 0, failedOrders: (orders.FAILED_CUSTOMER ?? 0) + (orders.FAILED_QUANTITY ?? 0) },
    };
  });
  return { items: views, page: page.page, size: page.size, total };
}
