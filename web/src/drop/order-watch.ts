import { EventSourceParserStream } from 'eventsource-parser/stream';
import { API, ApiError, apiErrorOf, authHeaders, type Schema } from '../common/api';
import { isSettled } from '../common/words';

/** An order as GET /api/v1/orders/{orderNum} answers it and its stream sends it. */
export type OrderDetail = Schema<'OrderDetail'>;

const RECONNECT_AFTER_MS = 1000;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Follows one order over its event stream (GET /api/v1/orders/{orderNum}/events) until it
 * settles, calling `onChange` with each state, and resolves with the settled order (undefined once
 * `signal` aborts). The stream is read with fetch, not EventSource, because the token goes in the
 * Authorization header and never in a URL. A dropped stream is opened again with Last-Event-ID, so
 * no change is missed; a refusal other than "busy" (429/503) ends the watch with its ApiError.
 */
export async function watchOrder(token: string, orderNum: number, onChange: (order: OrderDetail) => void, signal: AbortSignal): Promise<OrderDetail | undefined> {
  let lastEventId: string | undefined;
  while (!signal.aborted) {
    let waitMs = RECONNECT_AFTER_MS;
    try {
      const response = await fetch(`${API}/orders/${orderNum}/events`, {
        headers: { ...authHeaders(token), Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
        signal,
      });
      if (!response.ok || !response.body) throw apiErrorOf(response, await response.json().catch(() => null));
      const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
      for (let next = await events.read(); !next.done; next = await events.read()) {
        if (next.value.id) lastEventId = next.value.id;
        const order = JSON.parse(next.value.data) as OrderDetail;
        onChange(order);
        if (isSettled(order.status)) return order;
      }
    } catch (error) {
      if (signal.aborted) return undefined;
      if (error instanceof ApiError && error.status !== 429 && error.status !== 503) throw error;
      if (error instanceof ApiError && error.retryAfterSeconds) waitMs = error.retryAfterSeconds * 1000;
    }
    await pause(waitMs, signal);
  }
  return undefined;
}
