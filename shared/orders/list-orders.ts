import type { Pagination } from '../validation';
import type { OrderContext } from './order-context';
import { listOrdersOfBuyer } from './order-repository';

/** The caller's orders, newest first, paged (from MySQL: not a spike-time path). */
export async function listOrders(ctx: OrderContext, buyerNum: number, page: Pagination) {
  const { orders, total } = await listOrdersOfBuyer(ctx.db, buyerNum, page);
  return { orders, page: page.page, size: page.size, total };
}
