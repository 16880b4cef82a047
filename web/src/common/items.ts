import type { Schema } from './api';

/** An item as GET /api/v1/items lists it. */
export type ListedItem = Schema<'ListedItem'>;

type SaleStatus = ListedItem['saleStatus'];

/** The service's rule (shared/items/sale-window.ts), applied to the page's clock so a countdown can open the sale. */
export function saleStatusAt(item: Pick<ListedItem, 'availableAt' | 'endAt'>, now: number): SaleStatus {
  if (item.availableAt && now < Date.parse(item.availableAt)) return 'UPCOMING';
  if (item.endAt && now >= Date.parse(item.endAt)) return 'ENDED';
  return 'ON_SALE';
}

export const SALE_STATUS_WORDS: Record<SaleStatus, string> = {
  UPCOMING: 'Opens soon',
  ON_SALE: 'On sale',
  ENDED: 'Sale ended',
};
