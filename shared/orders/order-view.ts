import type { OrderStatus } from './order-status';

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
