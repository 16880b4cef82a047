import type { OrderStatus } from './order-status';

export type PaymentOutcome = Extract<OrderStatus, 'PAID' | 'FAILED_CUSTOMER' | 'FAILED_QUANTITY'>;

export const FAILURE_REASONS: Record<Exclude<PaymentOutcome, 'PAID'>, string> = {
  FAILED_CUSTOMER: 'PAYMENT_DECLINED',
  FAILED_QUANTITY: 'OUT_OF_STOCK',
};

/**
 * The simulated payment provider: with probability `failureRate` the customer's payment is
 * declined (e.g. insufficient balance); otherwise it goes through if the units are still there.
 */
export function settlePayment(failureRate: number, unitsLeft: number, quantity: number, random: () => number): PaymentOutcome {
  if (random() < failureRate) return 'FAILED_CUSTOMER';
  return unitsLeft >= quantity ? 'PAID' : 'FAILED_QUANTITY';
}
