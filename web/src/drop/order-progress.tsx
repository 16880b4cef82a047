import { useEffect, useState } from 'preact/hooks';
import { announce } from '../common/announcer';
import { ApiError } from '../common/api';
import { STATUS_WORDS, wordsForError } from '../common/words';
import { watchOrder, type OrderDetail } from './order-watch';

export interface TrackedOrder {
  orderNum: number;
  title: string;
}

function lineWords(order: OrderDetail): string {
  if (order.status !== 'IN_PROGRESS') return '';
  const place = order.placeInLine === undefined ? '' : `Place in line: ${order.placeInLine}.`;
  const eta = typeof order.etaSeconds === 'number' ? ` About ${Math.max(1, Math.round(order.etaSeconds))} s to go.` : '';
  return `${place}${eta}`;
}

/** The order just paid for, live until it settles; its final status is announced. */
export function OrderProgress({ token, tracked, onSettled }: { token: string; tracked: TrackedOrder; onSettled: () => void }) {
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    const stop = new AbortController();
    setOrder(null);
    setProblem('');
    watchOrder(token, tracked.orderNum, setOrder, stop.signal)
      .then((settled) => {
        if (!settled) return;
        announce(`Order ${settled.orderNum} (${tracked.title}): ${STATUS_WORDS[settled.status]}.`);
        onSettled();
      })
      .catch((error: unknown) => {
        if (!stop.signal.aborted) setProblem(error instanceof ApiError ? wordsForError(error) : 'Lost track of the order: see My orders.');
      });
    return () => stop.abort();
  }, [token, tracked.orderNum]);

  return (
    <section class="card progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Your order {tracked.orderNum}</h2>
      <p>{tracked.title}</p>
      {order ? (
        <>
          <p class={`status status-${order.status}`} data-testid="order-status" data-status={order.status}>
            {STATUS_WORDS[order.status]}
          </p>
          <p>{lineWords(order)}</p>
        </>
      ) : (
        <p>Sending your payment…</p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
