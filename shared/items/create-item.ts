import type { ServiceContext } from '../context';
import { insertItemWithStock, type NewItem } from './item-repository';
import { itemViewOf, stockViewOf, type ItemView, type StockView } from './item-view';
import { writeItemSaleState } from './sale-state-sync';

/**
 * A seller lists an item: item and stock rows in one transaction, then the item's Redis sale
 * state, taken exactly (Redis may hold leftovers under a reused number), so it can be ordered.
 */
export async function createItem(ctx: Pick<ServiceContext, 'db' | 'redis'>, item: NewItem): Promise<{ item: ItemView; stock: StockView }> {
  const now = new Date();
  const row = await ctx.db.transaction((trx) => insertItemWithStock(trx, item, now));
  await writeItemSaleState(ctx.redis, row, 'exact');
  return { item: itemViewOf(row), stock: stockViewOf(row) };
}
