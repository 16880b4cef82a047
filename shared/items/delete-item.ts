import type { ServiceContext } from '../context';
import type { Principal } from '../users/access-tokens';
import { itemViewOf, type ItemView } from './item-view';
import { softDeleteItem } from './item-repository';
import { writeItemSaleState } from './sale-state-sync';
import { lockOwnItem } from './seller-item';

/**
 * Soft delete by the seller: the item leaves browsing and can't be ordered any more (its sale
 * state says deleted); orders already taken still settle, and its rows stay for the records.
 */
export async function deleteItem(ctx: ServiceContext, itemNum: number, caller: Principal): Promise<ItemView & { stock: number }> {
  const deleted = await ctx.db.transaction(async (trx) => {
    const item = await lockOwnItem(trx, itemNum, caller);
    const now = new Date();
    await softDeleteItem(trx, itemNum, now);
    return { ...item, deleted_at: now, updated_at: now };
  });
  await writeItemSaleState(ctx.redis, deleted, 'forward');
  return { ...itemViewOf(deleted), stock: deleted.quantity };
}
