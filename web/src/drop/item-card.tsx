import { useState } from 'preact/hooks';
import { call, type RequestBody, type Schema } from '../common/api';
import { Field, FormError } from '../common/field';
import { formatCountdown, formatPrice, formatTime } from '../common/format';
import { SALE_STATUS_WORDS, saleStatusAt, type ListedItem } from '../common/items';
import type { Session } from '../common/session';
import { useAction } from '../common/use-async';
import type { TrackedOrder } from './order-progress';

interface Props {
  item: ListedItem;
  now: number;
  session: Session | null;
  onOrdered: (order: TrackedOrder) => void;
  onRefused: () => void;
}

function windowWords(item: ListedItem, now: number): string {
  const status = saleStatusAt(item, now);
  if (status === 'UPCOMING') return `Opens in ${formatCountdown(Date.parse(item.availableAt!) - now)}`;
  if (status === 'ENDED') return `Ended ${formatTime(item.endAt!)}`;
  return item.endAt ? `Ends in ${formatCountdown(Date.parse(item.endAt) - now)}` : 'No end date';
}

/** One item: sale status, price, stock left, countdown, and the buy form. */
export function ItemCard({ item, now, session, onOrdered, onRefused }: Props) {
  const [quantity, setQuantity] = useState(1);
  const { busy, error, setError, run } = useAction();
  const status = saleStatusAt(item, now);
  const idOf = (what: string) => `item-${item.itemNum}-${what}`;

  const buy = (event: Event) => {
    event.preventDefault();
    if (!session) {
      setError('Log in or sign up first (the form is at the top of the page).');
      return;
    }
    void run(async () => {
      try {
        const order = await call<Schema<'OrderReceipt'>>('POST', '/orders', {
          token: session.token,
          body: { buyerNum: session.userNum, itemNum: item.itemNum, quantity, price: item.price } satisfies RequestBody<'placeOrder'>,
        });
        await call('POST', `/try-payments/${order.orderNum}`, { token: session.token });
        onOrdered({ orderNum: order.orderNum, title: item.title });
      } catch (refusal) {
        onRefused();
        throw refusal;
      }
    });
  };

  return (
    <li class="card item" data-testid="item" data-item-num={item.itemNum} aria-labelledby={idOf('title')}>
      <h3 id={idOf('title')}>{item.title}</h3>
      {item.description && <p>{item.description}</p>}
      <dl class="facts">
        <div>
          <dt>Price</dt>
          <dd>{formatPrice(item.price)}</dd>
        </div>
        <div>
          <dt>Left</dt>
          <dd data-testid="stock">{item.stock}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd class={`sale sale-${status}`}>{SALE_STATUS_WORDS[status]}</dd>
        </div>
      </dl>
      {item.maxPerBuyer !== null && <p class="muted">At most {item.maxPerBuyer} per buyer</p>}
      <p class="countdown" data-testid="countdown">
        {windowWords(item, now)}
      </p>
      <form class="buy" onSubmit={buy}>
        <Field label="Quantity" id={idOf('quantity')} type="number" min={1} required value={quantity} onInput={(e) => setQuantity(Number(e.currentTarget.value))} />
        <button type="submit" disabled={busy || status === 'ENDED'}>
          Buy {item.title}
        </button>
      </form>
      <FormError message={error} />
    </li>
  );
}
