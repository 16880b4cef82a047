import { useState } from 'preact/hooks';
import { announce } from '../common/announcer';
import { call } from '../common/api';
import { FormError } from '../common/field';
import { formatPrice, formatTime } from '../common/format';
import { SALE_STATUS_WORDS } from '../common/items';
import type { Session } from '../common/session';
import { useAction } from '../common/use-async';
import { ItemForm } from './item-form';
import { LivePanel } from './live-panel';
import type { ItemTerms, SellerItem } from './seller-items';

const termsOf = (item: SellerItem): ItemTerms => ({
  title: item.title,
  description: item.description,
  price: item.price,
  stock: item.stock,
  availableAt: item.availableAt,
  endAt: item.endAt,
  maxPerBuyer: item.maxPerBuyer,
});

/** One of the seller's items: its terms, edit and delete, and its live panel while on sale. */
export function SellerItemCard({ item, session, onChanged }: { item: SellerItem; session: Session; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction();

  // Only what the seller changed: resending the stock read a second ago would put back units sold since.
  const save = async (terms: ItemTerms) => {
    const before = termsOf(item);
    const changes = Object.fromEntries(Object.entries(terms).filter(([key, value]) => before[key as keyof ItemTerms] !== value));
    if (Object.keys(changes).length > 0) await call('PUT', `/items/${item.itemNum}`, { token: session.token, body: changes });
    setEditing(false);
    announce(`${terms.title} saved.`);
    onChanged();
  };
  const remove = () =>
    run(async () => {
      if (!window.confirm(`Delete ${item.title}? Orders already taken still settle.`)) return;
      await call('DELETE', `/items/${item.itemNum}`, { token: session.token });
      announce(`${item.title} deleted.`);
      onChanged();
    });

  return (
    <li class="card item" data-testid="seller-item" data-item-num={item.itemNum} aria-labelledby={`seller-item-${item.itemNum}`}>
      <h3 id={`seller-item-${item.itemNum}`}>{item.title}</h3>
      <p class="muted">
        #{item.itemNum} · {formatPrice(item.price)} · <span class={`sale sale-${item.saleStatus}`}>{SALE_STATUS_WORDS[item.saleStatus]}</span>
        {item.availableAt && ` · opens ${formatTime(item.availableAt)}`}
        {item.endAt && ` · ends ${formatTime(item.endAt)}`}
        {item.maxPerBuyer !== null && ` · at most ${item.maxPerBuyer} per buyer`}
      </p>
      {item.saleStatus === 'ON_SALE' ? <LivePanel item={item} /> : <p>Stock: {item.stock}</p>}
      {editing ? (
        <ItemForm idPrefix={`edit-${item.itemNum}`} initial={termsOf(item)} submitLabel={`Save ${item.title}`} onSubmit={save} onCancel={() => setEditing(false)} />
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setEditing(true)}>
            Edit {item.title}
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
            Delete {item.title}
          </button>
        </div>
      )}
      <FormError message={error} />
    </li>
  );
}
