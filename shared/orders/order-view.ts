import type { OrderStatus } from './order-status';
import type { PlaceInLine } from './place-in-line';

/** An order as the API shows it (seed fields first). */
export interface OrderView {
  orderNum: number;
  buyerNum: number;
  itemNum: number;
  quantity: number;
  unitPrice: number;
  amount: number;
  status: OrderStatus;
  createdAt: string;
}

export interface OrderHistoryView {
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
  at: string;
}

export interface PaymentView {
  amount: number;
  status: 'PAID' | 'REFUNDED';
  paidAt: string;
  refundedAt: string | null;
}

export interface OrderDetailView extends OrderView {
  /** Payments ahead of this one in the item's line, while it waits (IN_PROGRESS). */
  placeInLine?: number;
  /** Seconds until its turn at the item's recent drain rate, beside placeInLine (null: no rate yet). */
  etaSeconds?: number | null;
  reason?: string | null;
  history: OrderHistoryView[];
  payment: PaymentView | null;
}

/**
 * An order waiting in its item's line, as GET /orders/{orderNum} answers it. Built field by field
 * rather than spread from the view: these objects then share one V8 shape, where spreading gave
 * each its own (some 800 bytes more for every open stream that holds one).
 */
export function waitingOrderView(view: OrderView, place: PlaceInLine): OrderDetailView {
  return {
    orderNum: view.orderNum,
    buyerNum: view.buyerNum,
    itemNum: view.itemNum,
    quantity: view.quantity,
    unitPrice: view.unitPrice,
    amount: view.amount,
    status: view.status,
    createdAt: view.createdAt,
    placeInLine: place.placeInLine,
    etaSeconds: place.etaSeconds,
    history: [],
    payment: null,
  };
}
