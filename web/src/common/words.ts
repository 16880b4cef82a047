import type { ApiError, Schema } from './api';
import { formatPrice, formatTime } from './format';

/** The wait an answer's Retry-After asks for, in words (`fallback` seconds without one). */
const seconds = (error: ApiError, fallback: number) => {
  const wait = error.retryAfterSeconds ?? fallback;
  return wait === 1 ? '1 second' : `${wait} seconds`;
};

/**
 * What an answer means for the person in front of the page, in words. The codes are the API's
 * (shared/errors.ts); anything not worded here falls back to the service's own message.
 */
export function wordsForError(error: ApiError): string {
  const data = error.data ?? {};
  switch (error.code) {
    case 'SOLD_OUT':
      return 'Sold out: every unit is taken. Units can come back if other orders fail or are canceled.';
    case 'INSUFFICIENT_STOCK':
      return `Only ${String(data.stock)} left: lower the quantity and try again.`;
    case 'STOCK_HELD':
      return `Every unit left is held by buyers paying right now. Some may come back if their payments fail: try again in ${seconds(error, 2)}.`;
    case 'NOT_OPEN_YET':
      return `Not on sale yet: this sale opens ${typeof data.availableAt === 'string' ? `at ${formatTime(data.availableAt)}` : 'later'}. Your order was not taken; try again once it opens.`;
    case 'SALE_ENDED':
      return 'This sale has ended: no more orders are taken for this item.';
    case 'PRICE_MISMATCH':
      return `The price has changed${typeof data.price === 'number' ? ` to ${formatPrice(data.price)}` : ''} since the page showed it. Nothing was ordered: check the new price and buy again.`;
    case 'PURCHASE_LIMIT_REACHED':
      return `One buyer may hold at most ${String(data.maxPerBuyer)} of this item, and your orders hold ${String(data.held)}: lower the quantity, or cancel an order to buy more.`;
    case 'ORDER_RATE_LIMITED':
    case 'RATE_LIMITED':
      return `Too many tries from you in a short time: wait ${seconds(error, 10)}, then try again.`;
    case 'VERIFICATION_TOO_SOON':
      return `A code was sent to this address moments ago: wait ${seconds(error, 60)} before asking for another.`;
    case 'ITEM_OVERLOADED':
      return `So many orders are waiting for this item that it takes no more for now: try again in ${seconds(error, 5)}.`;
    case 'REDIS_UNAVAILABLE':
    case 'MYSQL_UNAVAILABLE':
    case 'NOT_READY':
      return `The shop is having trouble right now: try again in ${seconds(error, 5)}.`;
    case 'UNAUTHENTICATED':
    case 'INVALID_TOKEN':
    case 'TOKEN_REVOKED':
    case 'ACCOUNT_DELETED':
      return 'Your session has ended: log in again.';
    case 'INVALID_CREDENTIALS':
      return 'That email and password do not match an account.';
    case 'VERIFICATION_CODE_INVALID':
      return 'That code is not the one we mailed, or it has expired: check the mail or ask for a new code.';
    case 'EMAIL_TAKEN':
      return 'An account with this email exists already: log in instead.';
    case 'ROLE_REQUIRED':
      return 'This account cannot do that here: buyers order on the drop page, sellers list items on the seller page.';
    case 'INVALID_STATE':
      return `This order is ${typeof data.status === 'string' ? data.status : 'in another state'} now, so that is no longer possible.`;
    case 'NETWORK':
      return 'The shop could not be reached: check your connection and try again.';
    case 'VALIDATION_FAILED':
      return error.fields.length > 0 ? error.fields.map((field) => field.message).join('. ') : error.message;
    default:
      return error.status === 429 ? `Too many requests: wait ${seconds(error, 10)}, then try again.` : error.message;
  }
}

export type OrderStatus = Schema<'Order'>['status'];

/** An order's status as the buyer reads it. */
export const STATUS_WORDS: Record<OrderStatus, string> = {
  INITIATED: 'Entered, not paid yet',
  IN_PROGRESS: 'Waiting in line for payment',
  PAID: 'Paid: it is yours',
  FAILED_CUSTOMER: 'Payment declined (for example, not enough balance): nothing was charged',
  FAILED_QUANTITY: 'Sold out before your turn came: nothing was charged',
  CANCELED: 'Canceled',
};

export const isSettled = (status: OrderStatus) => status !== 'INITIATED' && status !== 'IN_PROGRESS';
