import { useEffect, useState } from 'preact/hooks';
import { announce } from '../common/announcer';
import { call, type Schema } from '../common/api';
import { FormError } from '../common/field';
import { formatPrice, formatTime } from '../common/format';
import type { Session } from '../common/session';
import { useAction } from '../common/use-async';
import { STATUS_WORDS, type OrderStatus } from '../common/words';

type Order = Schema<'Order'>;

const CANCELABLE: readonly OrderStatus[] = ['INITIATED', 'PAID'];

/** The buyer's latest orders, each cancelable while INITIATED or PAID (a paid one is refunded). */
export function MyOrders({ session, titles, version, onChanged }: { session: Session; titles: Map<number, string>; version: number; onChanged: () => void }) {
  const [orders, setOrders] = useState<Order[]>([]);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void run(async () => setOrders((await call<Schema<'OrderPage'>>('GET', '/orders?size=10', { token: session.token })).orders));
  }, [session.token, version]);

  const cancel = (order: Order) =>
    run(async () => {
      const receipt = await call<Schema<'CancelReceipt'>>('DELETE', `/payments/${order.orderNum}`, { token: session.token });
      announce(`Order ${order.orderNum} canceled${receipt.refunded ? ' and refunded' : ''}.`);
      onChanged();
    });

  return (
    <section class="card" aria-labelledby="orders-title">
      <h2 id="orders-title">My orders</h2>
      <FormError message={error} />
      {orders.length === 0 ? (
        <p>No orders yet.</p>
      ) : (
        <ul class="orders">
          {orders.map((order) => (
            <li key={order.orderNum} data-testid="my-order" data-order-num={order.orderNum}>
              <div>
                <strong>
                  #{order.orderNum} {titles.get(order.itemNum) ?? `item ${order.itemNum}`}
                </strong>
                <span class="muted">
                  {' '}
                  · {order.quantity} {order.quantity === 1 ? 'unit' : 'units'} · {formatPrice(order.amount)} · {formatTime(order.createdAt)}
                </span>
              </div>
              <div class={`status status-${order.status}`}>{STATUS_WORDS[order.status]}</div>
              {CANCELABLE.includes(order.status) && (
                <button type="button" class="secondary" disabled={busy} onClick={() => void cancel(order)}>
                  Cancel order {order.orderNum}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
