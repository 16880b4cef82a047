/** The order state machine of DESIGN §4: one table of allowed transitions. */
export const ORDER_STATUSES = [
  'INITIATED',
  'IN_PROGRESS',
  'PAID',
  'FAILED_CUSTOMER',
  'FAILED_QUANTITY',
  'CANCELED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

const ALLOWED: Record<OrderStatus, readonly OrderStatus[]> = {
  INITIATED: ['IN_PROGRESS', 'CANCELED'],
  IN_PROGRESS: ['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY'],
  PAID: ['CANCELED'],
  FAILED_CUSTOMER: [],
  FAILED_QUANTITY: [],
  CANCELED: [],
};

/** No further change will come: pollers can stop. PAID is settled too, though a buyer may still cancel it. */
export const SETTLED_STATUSES: ReadonlySet<OrderStatus> = new Set(['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED']);

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}
