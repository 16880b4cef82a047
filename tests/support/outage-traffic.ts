import { setTimeout as sleep } from 'node:timers/promises';
import { assertAnswerMatchesDocument } from './checked-answers';
import type { TestUser } from './order-fixtures';

/** Longer than any answer the service may take, so that a hung request is seen as one. */
const CLIENT_TIMEOUT_MS = 10_000;

export interface Answer {
  /** When the request was sent, ms since the epoch. */
  sentAt: number;
  ms: number;
  /** 0: no answer at all (connection failed or CLIENT_TIMEOUT_MS passed). */
  status: number;
  code: string | undefined;
  retryAfter: string | null;
  body: { code?: string; data?: { orderNum?: number } & Record<string, unknown> };
}

/**
 * One HTTP request, timed. No answer at all is recorded (status 0), not thrown; an answer is checked
 * against the API document as supertest's are (it throws if it does not match).
 */
export async function timedRequest(url: string, init: RequestInit = {}): Promise<Answer> {
  const sentAt = Date.now();
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    text = await res.text();
  } catch {
    return { sentAt, ms: Date.now() - sentAt, status: 0, code: undefined, retryAfter: null, body: {} };
  }
  const ms = Date.now() - sentAt;
  assertAnswerMatchesDocument({ method: init.method ?? 'GET', url, status: res.status, headers: Object.fromEntries(res.headers), text });
  const body = JSON.parse(text) as Answer['body'];
  return { sentAt, ms, status: res.status, code: body.code, retryAfter: res.headers.get('retry-after'), body };
}

export function orderRequest(buyer: TestUser, item: { itemNum: number; price: number }): RequestInit {
  return {
    method: 'POST',
    headers: { Authorization: `Bearer ${buyer.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price }),
  };
}

const payRequest = (buyer: TestUser): RequestInit => ({ method: 'POST', headers: { Authorization: `Bearer ${buyer.token}` } });

/** Sends `request` every `intervalMs` (not waiting for earlier answers) until stopped; `answers` fills as they come. */
export function probeEvery(intervalMs: number, request: () => Promise<Answer>): { answers: Answer[]; stop(): Promise<Answer[]> } {
  const answers: Answer[] = [];
  const pending: Promise<unknown>[] = [];
  const timer = setInterval(() => pending.push(request().then((answer) => answers.push(answer))), intervalMs);
  return {
    answers,
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return answers.sort((a, b) => a.sentAt - b.sentAt);
    },
  };
}

export interface Acknowledged {
  /** Orders whose entry was answered 200. */
  entered: number[];
  /** Orders whose payment was answered 202. */
  paying: number[];
  /** Every answer, for latency and status checks. */
  answers: Answer[];
}

/**
 * Buyers entering and paying orders for one item, `lanes` at a time, until stopped: the spike a
 * dependency fails under. What the API acknowledged is recorded; a 503 is expected while something
 * is away, and the lane tries again shortly.
 */
export function steadyBuyers(baseUrl: string, buyers: TestUser[], item: { itemNum: number; price: number }, lanes = 10) {
  const acknowledged: Acknowledged = { entered: [], paying: [], answers: [] };
  let stopped = false;
  let next = 0;
  const lane = async () => {
    while (!stopped) {
      const buyer = buyers[next++ % buyers.length];
      const entered = await timedRequest(`${baseUrl}/api/v1/orders`, orderRequest(buyer, item));
      acknowledged.answers.push(entered);
      if (entered.status !== 200) {
        if (entered.status === 503 || entered.status === 0) await sleep(100);
        continue;
      }
      const orderNum = entered.body.data!.orderNum!;
      acknowledged.entered.push(orderNum);
      const paid = await timedRequest(`${baseUrl}/api/v1/try-payments/${orderNum}`, payRequest(buyer));
      acknowledged.answers.push(paid);
      if (paid.status === 202) acknowledged.paying.push(orderNum);
    }
  };
  const running = Promise.all(Array.from({ length: lanes }, lane));
  return {
    acknowledged,
    async stop(): Promise<Acknowledged> {
      stopped = true;
      await running;
      return acknowledged;
    },
  };
}
