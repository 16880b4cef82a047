import { call } from '../common/api';
import { isSettled, type OrderStatus } from '../common/words';

/** An order as GET /api/v1/orders/{orderNum} answers it (the fields the page shows). */
export interface OrderDetail {
  orderNum: number;
  itemNum: number;
  quantity: number;
  amount: number;
  status: OrderStatus;
  placeInLine?: number;
  etaSeconds?: number | null;
}

const POLL_EVERY_MS = 1000;

/**
 * Follows one order until it settles, calling `onChange` with each state seen, and resolves with
 * the settled order. Stops when `signal` aborts.
 */
export async function watchOrder(token: string, orderNum: number, onChange: (order: OrderDetail) => void, signal: AbortSignal): Promise<OrderDetail | undefined> {
  while (!signal.aborted) {
    const order = await call<OrderDetail>('GET', `/orders/${orderNum}`, { token, signal });
    onChange(order);
    if (isSettled(order.status)) return order;
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
  return undefined;
}
