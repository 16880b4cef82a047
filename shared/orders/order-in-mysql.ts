import { forbidden, notFound } from '../errors';
import type { OrderContext } from './order-context';
import { findOrder, type OrderRow } from './order-repository';

/**
 * An order whose Redis mirror is gone (it expires a while after the order settled), as MySQL has
 * it: 404 if there is no such order, 403 if it is not the caller's (`buyerNum` null: the service).
 */
export async function orderInMysql(ctx: OrderContext, orderNum: number, buyerNum: number | null): Promise<OrderRow> {
  const order = await findOrder(ctx.db, orderNum);
  if (!order) throw notFound('Order', 'ORDER_NOT_FOUND');
  if (buyerNum !== null && order.buyer_id !== buyerNum) throw forbidden();
  return order;
}
