import { assertAnswerMatchesDocument } from './checked-answers';
import type { TestUser } from './order-fixtures';

export interface SpikeResult {
  /** Orders the API accepted (2xx) and whose payment it accepted. */
  paying: number[];
  /** Answers that were neither 2xx nor an expected 409 (SOLD_OUT and the like). */
  unexpected: string[];
}

/** One POST with fetch (lighter than supertest at spike volume); its answer is checked against the API document all the same. */
async function post(url: string, token: string, body?: unknown): Promise<{ status: number; body: { code?: string; data?: { orderNum?: number } } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  assertAnswerMatchesDocument({ method: 'POST', url, status: res.status, headers: Object.fromEntries(res.headers), text });
  return { status: res.status, body: JSON.parse(text) as { code?: string; data?: { orderNum?: number } } };
}

/**
 * `orders` buyers (round robin over `buyers`) each enter an order for the item and pay it at once,
 * `concurrency` at a time, over real HTTP: the opening-second spike of one hot item.
 */
export async function runSpike(baseUrl: string, buyers: TestUser[], item: { itemNum: number; price: number }, orders: number, concurrency = 50): Promise<SpikeResult> {
  const result: SpikeResult = { paying: [], unexpected: [] };
  let next = 0;
  const lane = async () => {
    while (next < orders) {
      const buyer = buyers[next++ % buyers.length];
      const entered = await post(`${baseUrl}/api/v1/orders`, buyer.token, { buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price });
      if (entered.status !== 200) {
        if (entered.status !== 409) result.unexpected.push(`enter ${entered.status} ${entered.body.code}`);
        continue;
      }
      const orderNum = entered.body.data!.orderNum!;
      const paid = await post(`${baseUrl}/api/v1/try-payments/${orderNum}`, buyer.token);
      if (paid.status === 202) result.paying.push(orderNum);
      else result.unexpected.push(`pay ${paid.status} ${paid.body.code}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return result;
}
