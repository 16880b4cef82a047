import type { ListedItem } from '../common/items';

/** What GET /api/v1/sellers/{sellerNum}/items says of an item while it sells. */
interface LiveFigures {
  unitsInFlight: number;
  lineLength: number;
  drainRatePerSecond: number | null;
  paidOrders: number;
  failedOrders: number;
}

export interface SellerItem extends ListedItem {
  live: LiveFigures;
}

/** The terms a seller sets when listing or editing an item. */
export interface ItemTerms {
  title: string;
  description: string;
  price: number;
  stock: number;
  availableAt: string | null;
  endAt: string | null;
  maxPerBuyer: number | null;
}
