/** An item as GET /api/v1/items lists it. */
export interface ListedItem {
  itemNum: number;
  sellerNum: number;
  title: string;
  description: string;
  price: number;
  availableAt: string | null;
  endAt: string | null;
  /** The most units one buyer may hold at once; null: no cap. */
  maxPerBuyer: number | null;
  saleStatus: SaleStatus;
  /** The service's clock when it answered: the countdown corrects the device's clock by it. */
  serverTime: string;
  stock: number;
}

export type SaleStatus = 'UPCOMING' | 'ON_SALE' | 'ENDED';

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
