import { useState } from 'preact/hooks';
import { Field, FormError } from '../common/field';
import { instantOfLocalInput, localInputOfInstant } from '../common/format';
import { useAction } from '../common/use-async';
import type { ItemTerms } from './seller-items';

interface Props {
  /** Prefix of the fields' ids: one page holds several of these forms. */
  idPrefix: string;
  initial?: ItemTerms;
  submitLabel: string;
  onSubmit: (terms: ItemTerms) => Promise<void>;
  onCancel?: () => void;
}

const EMPTY: ItemTerms = { title: '', description: '', price: 1000, stock: 10, availableAt: null, endAt: null, maxPerBuyer: null };

/** Listing a new item or editing one: its terms and stock; times in the browser's local time. */
export function ItemForm({ idPrefix, initial = EMPTY, submitLabel, onSubmit, onCancel }: Props) {
  const [terms, setTerms] = useState(initial);
  const { busy, error, run } = useAction();
  const id = (what: string) => `${idPrefix}-${what}`;
  const text = (key: 'title' | 'description') => (event: Event) => setTerms({ ...terms, [key]: (event.currentTarget as HTMLInputElement).value });
  const number = (key: 'price' | 'stock') => (event: Event) => setTerms({ ...terms, [key]: Number((event.currentTarget as HTMLInputElement).value) });
  const cap = (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setTerms({ ...terms, maxPerBuyer: value ? Number(value) : null });
  };
  const instant = (key: 'availableAt' | 'endAt') => (event: Event) => setTerms({ ...terms, [key]: instantOfLocalInput((event.currentTarget as HTMLInputElement).value) });

  const submit = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await onSubmit(terms);
      if (!onCancel) setTerms(EMPTY);
    });
  };

  return (
    <form class="item-form" onSubmit={submit}>
      <Field label="Title" id={id('title')} required maxLength={200} value={terms.title} onInput={text('title')} />
      <Field label="Description" id={id('description')} maxLength={5000} value={terms.description} onInput={text('description')} />
      <Field label="Price" id={id('price')} type="number" min={1} required value={terms.price} onInput={number('price')} hint="In the currency's smallest unit" />
      <Field label="Stock" id={id('stock')} type="number" min={0} required value={terms.stock} onInput={number('stock')} hint="Units on sale from now on" />
      <Field label="Most units per buyer" id={id('max-per-buyer')} type="number" min={1} value={terms.maxPerBuyer ?? ''} onInput={cap} hint="Empty: no limit" />
      <Field label="Opens at" id={id('available-at')} type="datetime-local" value={localInputOfInstant(terms.availableAt)} onInput={instant('availableAt')} hint="Empty: on sale at once" />
      <Field label="Ends at" id={id('end-at')} type="datetime-local" value={localInputOfInstant(terms.endAt)} onInput={instant('endAt')} hint="Empty: no end" />
      <FormError message={error} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel editing
          </button>
        )}
      </div>
    </form>
  );
}
