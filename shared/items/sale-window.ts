/**
 * THE rule of when an item can be bought: inside [availableAt, endAt), either bound may be absent
 * (a normal item has neither). A deleted item is not for sale at all, which is the catalog's
 * business (it shows live items only; the order step answers NOT_FOUND). The order hot path applies
 * the same rule to the epoch-ms copies in the item's Redis sale state (lua/includes/sale-window.lua);
 * tests/sale-window.test.ts runs the same edge cases through both.
 */
export interface SaleWindow {
  availableAt: Date | null;
  endAt: Date | null;
}

export const SALE_STATUSES = ['ON_SALE', 'UPCOMING', 'ENDED'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export function saleStatusAt(window: SaleWindow, now: Date): SaleStatus {
  if (window.availableAt && now < window.availableAt) return 'UPCOMING';
  if (window.endAt && now >= window.endAt) return 'ENDED';
  return 'ON_SALE';
}

export function isPurchasableAt(window: SaleWindow, now: Date): boolean {
  return saleStatusAt(window, now) === 'ON_SALE';
}
