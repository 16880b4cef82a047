import { forbidden, notFound } from '../errors';
import type { OrderContext } from './order-context';
import { findOrder } from './order-repository';
import type { OrderStatus } from './order-status';

/**
 * The status of an order whose Redis mirror is gone (it expires a while after the order settled):
 * MySQL knows it. 404 if there is no such order, 403 if it is not the caller's.
 */
export async function statusInMysql(ctx: OrderContext, orderNum: number, buyerNum: number | null): Promise<OrderStatus> {
  const order = await findOrder(ctx.db, orderNum);
  if (!order) throw notFound('Order', 'ORDER_NOT_FOUND');
  if (buyerNum !== null && order.buyer_id !== buyerNum) throw forbidden();
  return order.status;
}
