export type OrderStatus = 'INITIATED' | 'IN_PROGRESS' | 'PAID' | 'FAILED_CUSTOMER' | 'FAILED_QUANTITY' | 'CANCELED';

interface OrderState {
  /** No further change will come by itself: pollers can stop. PAID is settled too, though a buyer may still cancel it. */
  settled: boolean;
  /** Its units count against the item's maxPerBuyer for its buyer (DESIGN §10). */
  holdsUnits: boolean;
  /** The statuses an order may move to from this one. */
  next: readonly OrderStatus[];
}

/**
 * THE order state machine of DESIGN §4, one table: MySQL changes (order-transitions.ts) and the
 * Lua steps that move a Redis mirror (orderStatesLua below, included as "generated/order-states")
 * both check against it.
 */
const ORDER_STATES: Readonly<Record<OrderStatus, OrderState>> = {
  INITIATED: { settled: false, holdsUnits: true, next: ['IN_PROGRESS', 'CANCELED'] },
  IN_PROGRESS: { settled: false, holdsUnits: true, next: ['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY'] },
  PAID: { settled: true, holdsUnits: true, next: ['CANCELED'] },
  FAILED_CUSTOMER: { settled: true, holdsUnits: false, next: [] },
  FAILED_QUANTITY: { settled: true, holdsUnits: false, next: [] },
  CANCELED: { settled: true, holdsUnits: false, next: [] },
};

export const ORDER_STATUSES = Object.keys(ORDER_STATES) as OrderStatus[];
export const SETTLED_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((status) => ORDER_STATES[status].settled);
export const UNIT_HOLDING_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((status) => ORDER_STATES[status].holdsUnits);

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_STATES[from].next.includes(to);
}

export function isSettled(status: OrderStatus): boolean {
  return ORDER_STATES[status].settled;
}

export function holdsUnits(status: OrderStatus): boolean {
  return ORDER_STATES[status].holdsUnits;
}

/** The same table for Lua: ORDER_STATES, canTransition(from, to), isSettled(status) and holdsUnits(status), false for an unknown status. */
export function orderStatesLua(): string {
  const rows = ORDER_STATUSES.map((status) => {
    const { settled, holdsUnits, next } = ORDER_STATES[status];
    const moves = next.map((to) => `${to} = true`).join(', ');
    return `  ${status} = { settled = ${settled}, holdsUnits = ${holdsUnits}, next = {${moves ? ` ${moves} ` : ''}} },`;
  });
  return [
    '-- Generated from ORDER_STATES in shared/orders/order-status.ts (the state machine of DESIGN §4).',
    'local ORDER_STATES = {',
    ...rows,
    '}',
    'local function canTransition(from, to)',
    '  local state = ORDER_STATES[from]',
    '  return state ~= nil and state.next[to] == true',
    'end',
    'local function isSettled(status)',
    '  local state = ORDER_STATES[status]',
    '  return state ~= nil and state.settled',
    'end',
    'local function holdsUnits(status)',
    '  local state = ORDER_STATES[status]',
    '  return state ~= nil and state.holdsUnits',
    'end',
  ].join('\n');
}
