import type { Knex } from 'knex';
import { forbidden, notFound } from '../errors';
import type { Principal } from '../users/access-tokens';
import { lockLiveItem, type ItemRecord } from './item-repository';

/** Locks a live item for a change by its seller: 404 if it is gone, 403 for anyone but its owner. */
export async function lockOwnItem(trx: Knex.Transaction, itemNum: number, caller: Principal): Promise<ItemRecord> {
  const item = await lockLiveItem(trx, itemNum);
  if (!item) throw notFound('Item', 'ITEM_NOT_FOUND');
  if (caller.role !== 'SELLER' || item.seller_id !== caller.userNum) throw forbidden('Only the seller of this item may change it');
  return item;
}
