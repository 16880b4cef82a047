import type { IntakeContext, WatchContext } from '../shared/orders/order-context';
import type { AccountContext } from '../shared/users/account-context';
import type { ApiMetrics } from './metrics/api-metrics';
import type { OpenWatches } from './open-watches';
import type { StreamEndings } from './stream-endings';

/** The clients and services one API process builds at start and hands to its routes. */
export interface ApiContext extends IntakeContext, WatchContext, AccountContext {
  metrics: ApiMetrics;
  openWatches: OpenWatches;
  streamEndings: StreamEndings;
}
