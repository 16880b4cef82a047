/**
 * THE rule of when an item can be bought: not deleted, and inside [availableAt, endAt), either
 * bound may be absent (a normal item has neither). The order hot path applies the same rule in
 * shared/orders/lua/admit-order.lua, on the epoch-ms copies in the item's Redis sale state.
 */
export interface SaleWindow {
  availableAt: Date | null;
  endAt: Date | null;
  deletedAt?: Date | null;
}

export const SALE_STATUSES = ['ON_SALE', 'UPCOMING', 'ENDED'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export function saleStatusAt(window: SaleWindow, now: Date): SaleStatus {
  if (window.availableAt && now < window.availableAt) return 'UPCOMING';
  if (window.deletedAt || (window.endAt && now >= window.endAt)) return 'ENDED';
  return 'ON_SALE';
}

export function isPurchasableAt(window: SaleWindow, now: Date): boolean {
  return saleStatusAt(window, now) === 'ON_SALE';
}
