import type { ServiceContext } from '../context';
import type { OrderQueues } from '../queue';

/** What the order use cases need: the service clients plus the producer of drain jobs. */
export interface OrderContext extends ServiceContext {
  orderQueues: OrderQueues;
}
