import { forbidden, notFound } from '../errors';
import { ITEM_KEY_PREFIX, redisKeys } from '../redis-keys';
import type { OrderContext } from './order-context';
import { findOrder, historyOf, orderViewOf, paymentOf } from './order-repository';
import { orderScripts } from './order-scripts';
import type { OrderStatus } from './order-status';
import type { OrderDetailView, OrderView } from './order-view';

const UNDER_WAY: ReadonlySet<OrderStatus> = new Set(['INITIATED', 'IN_PROGRESS']);

/**
 * The poll of one order (owner only). While the order is under way it is answered from the Redis
 * mirror in one round trip, with its place in line; once settled, history and payment come from MySQL.
 */
export async function getOrder(ctx: OrderContext, orderNum: number, buyerNum: number): Promise<OrderDetailView> {
  const mirror = await readMirror(ctx, orderNum);
  if (mirror) {
    if (mirror.view.buyerNum !== buyerNum) throw forbidden();
    if (UNDER_WAY.has(mirror.view.status)) {
      return { ...mirror.view, ...(mirror.placeInLine === undefined ? {} : { placeInLine: mirror.placeInLine }), history: [], payment: null };
    }
    return withRecords(ctx, mirror.view, mirror.reason);
  }
  const row = await findOrder(ctx.db, orderNum);
  if (!row) throw notFound('Order', 'ORDER_NOT_FOUND');
  if (row.buyer_id !== buyerNum) throw forbidden();
  return withRecords(ctx, orderViewOf(row), null);
}

async function withRecords(ctx: OrderContext, view: OrderView, reason: string | null): Promise<OrderDetailView> {
  const [history, payment] = await Promise.all([historyOf(ctx.db, view.orderNum), paymentOf(ctx.db, view.orderNum)]);
  return { ...view, reason: reason ?? history.at(-1)?.reason ?? null, history, payment };
}

interface Mirror {
  view: OrderView;
  reason: string | null;
  placeInLine?: number;
}

async function readMirror(ctx: OrderContext, orderNum: number): Promise<Mirror | undefined> {
  const flat = await orderScripts.readOrderProgress.run(ctx.redis, [redisKeys.orderMirror(orderNum)], [
    ctx.config.redisPrefix + ITEM_KEY_PREFIX,
  ]);
  if (flat.length === 0) return undefined;
  const fields = new Map<string, string>();
  for (let i = 0; i < flat.length; i += 2) fields.set(flat[i]!, flat[i + 1]!);
  const number = (name: string) => Number(fields.get(name));
  const view: OrderView = {
    orderNum,
    buyerNum: number('buyerNum'),
    itemNum: number('itemNum'),
    quantity: number('quantity'),
    unitPrice: number('unitPrice'),
    amount: number('amount'),
    status: fields.get('status') as OrderStatus,
    createdAt: new Date(number('createdAt')).toISOString(),
  };
  const mirror: Mirror = { view, reason: fields.get('reason') || null };
  if (view.status === 'IN_PROGRESS') mirror.placeInLine = Math.max(1, number('arrivalSeq') - number('processedSeq'));
  return mirror;
}
