import { badRequest, conflict } from '../errors';
import type { ServiceContext } from '../context';
import type { Principal } from '../users/access-tokens';
import { setStockQuantity, termColumnsOf, updateItemTerms, type ItemChanges, type ItemRecord } from './item-repository';
import { itemViewOf, type ItemView } from './item-view';
import { writeItemSaleState } from './sale-state-sync';
import { lockOwnItem } from './seller-item';

export interface ItemEdit extends ItemChanges {
  /** Units on sale from now on. */
  stock?: number;
  /** Units to add (or remove, negative) to what is left now. */
  stockDelta?: number;
}

/**
 * The seller changes an item. Item and stock rows are locked together, so a stock change applies
 * to what is left at that instant (units sold meanwhile stay sold) and can never go below zero;
 * the Redis sale state follows in the same call.
 */
export async function editItem(ctx: ServiceContext, itemNum: number, edit: ItemEdit, caller: Principal): Promise<ItemView & { stock: number }> {
  const row = await ctx.db.transaction(async (trx): Promise<ItemRecord> => {
    const item = await lockOwnItem(trx, itemNum, caller);
    assertWindowOrdered(item, edit);
    const now = new Date();
    await updateItemTerms(trx, itemNum, edit, now);
    const quantity = newQuantityOf(item, edit);
    const version = quantity === undefined ? item.version : await setStockQuantity(trx, item, quantity, now);
    return { ...item, ...termColumnsOf(edit), updated_at: now, quantity: quantity ?? item.quantity, version };
  });
  await writeItemSaleState(ctx.redis, row, 'forward');
  return { ...itemViewOf(row), stock: row.quantity };
}

function newQuantityOf(item: ItemRecord, edit: ItemEdit): number | undefined {
  if (edit.stock === undefined && edit.stockDelta === undefined) return undefined;
  const quantity = edit.stock ?? item.quantity + edit.stockDelta!;
  if (quantity < 0) {
    throw conflict('INSUFFICIENT_STOCK', `Only ${item.quantity} units are left; stock can't go below zero`, {
      details: { stock: item.quantity },
    });
  }
  return quantity;
}

function assertWindowOrdered(item: ItemRecord, edit: ItemEdit): void {
  const availableAt = edit.availableAt === undefined ? item.available_at : edit.availableAt;
  const endAt = edit.endAt === undefined ? item.end_at : edit.endAt;
  if (availableAt && endAt && endAt <= availableAt) {
    throw badRequest('VALIDATION_FAILED', 'endAt must be after availableAt', { fields: [{ field: 'endAt', message: 'endAt must be after availableAt' }] });
  }
}
