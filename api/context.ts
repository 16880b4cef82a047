import type { IntakeContext } from '../shared/orders/order-context';
import type { AccountContext } from '../shared/users/account-context';
import type { ApiMetrics } from './metrics/api-metrics';

/** The clients and services one API process builds at start and hands to its routes. */
export interface ApiContext extends IntakeContext, AccountContext {
  metrics: ApiMetrics;
}
