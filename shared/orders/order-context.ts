import type { ServiceContext } from '../context';
import type { OrderQueues } from '../queue';
import type { SoldOutMemo } from './sold-out-memo';

/** What the order use cases need: the service clients plus the producer of drain jobs. */
export interface OrderContext extends ServiceContext {
  orderQueues: OrderQueues;
}

/** The API's order intake also keeps a per-process memo of sold-out items. */
export interface IntakeContext extends OrderContext {
  soldOutMemo: SoldOutMemo;
}
