import { expect } from 'chai';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import { writeItemSaleState } from '../shared/items/sale-state-sync';
import { saleStatusAt, type SaleStatus } from '../shared/items/sale-window';
import { admitInRedis } from '../shared/orders/place-order';
import { testConfig } from './support/test-env';
import { connectTestRedis } from './support/test-redis';
import { isolateTestFile } from './support/isolation';

const T = Date.parse('2030-01-01T09:00:00Z');
const HOUR = 3_600_000;

/** Every edge of [availableAt, endAt): the instant before, on and after each bound, and items without one. */
const EDGES: { availableAt: number | null; endAt: number | null; now: number; status: SaleStatus }[] = [
  { availableAt: null, endAt: null, now: T, status: 'ON_SALE' },
  { availableAt: T, endAt: null, now: T - 1, status: 'UPCOMING' },
  { availableAt: T, endAt: null, now: T, status: 'ON_SALE' },
  { availableAt: T, endAt: null, now: T + 1, status: 'ON_SALE' },
  { availableAt: null, endAt: T, now: T - 1, status: 'ON_SALE' },
  { availableAt: null, endAt: T, now: T, status: 'ENDED' },
  { availableAt: null, endAt: T, now: T + 1, status: 'ENDED' },
  { availableAt: T, endAt: T + HOUR, now: T - 1, status: 'UPCOMING' },
  { availableAt: T, endAt: T + HOUR, now: T, status: 'ON_SALE' },
  { availableAt: T, endAt: T + HOUR, now: T + HOUR - 1, status: 'ON_SALE' },
  { availableAt: T, endAt: T + HOUR, now: T + HOUR, status: 'ENDED' },
  { availableAt: T, endAt: T + 1, now: T, status: 'ON_SALE' },
];

const PRICE = 1000;

/**
 * What admit-order.lua decides about the window at `now`, for an item whose sale state has it. The
 * order carries a wrong price, so a window that lets it through stops at PRICE_MISMATCH with
 * nothing written.
 */
async function windowInLua(config: Config, redis: Redis, itemNum: number, now: number): Promise<SaleStatus> {
  const caller = { userNum: itemNum, role: 'BUYER' as const, issuedAtMs: now };
  const reply = await admitInRedis({ config, redis }, { caller, buyerNum: itemNum, itemNum, quantity: 1, price: PRICE + 1 }, now);
  const statusOf: Record<string, SaleStatus> = { NOT_OPEN_YET: 'UPCOMING', SALE_ENDED: 'ENDED', PRICE_MISMATCH: 'ON_SALE' };
  const status = statusOf[reply.outcome];
  if (!status) throw new Error(`admit-order answered ${reply.outcome}`);
  return status;
}

describe('The sale window, the same rule in TypeScript and in the order Lua step', () => {
  isolateTestFile(__filename);
  let config: Config;
  let redis: Redis;
  before(async () => {
    config = testConfig();
    redis = await connectTestRedis(config);
  });
  after(async () => redis.quit());

  it('When an order arrives at each edge of the window, the TypeScript rule and admit-order.lua give the same status', async () => {
    const seen = await Promise.all(
      EDGES.map(async (edge, i) => {
        const itemNum = i + 1;
        const date = (ms: number | null) => (ms === null ? null : new Date(ms));
        const window = { availableAt: date(edge.availableAt), endAt: date(edge.endAt) };
        const row = { id: itemNum, seller_id: 1, price: PRICE, ...{ available_at: window.availableAt, end_at: window.endAt }, deleted_at: null, quantity: 5, version: 1 };
        await writeItemSaleState(redis, row, 'exact');
        return { ...edge, typescript: saleStatusAt(window, new Date(edge.now)), lua: await windowInLua(config, redis, itemNum, edge.now) };
      }),
    );
    expect(seen.map(({ typescript, lua }) => ({ typescript, lua }))).to.deep.equal(EDGES.map(({ status }) => ({ typescript: status, lua: status })));
  });
});
