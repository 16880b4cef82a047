import path from 'node:path';
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import { writeItemSaleState } from '../shared/items/sale-state-sync';
import { saleStatusAt, type SaleStatus } from '../shared/items/sale-window';
import { LuaScript } from '../shared/lua/lua-script';
import { admitInRedis } from '../shared/orders/place-order';
import { readRedisClock } from '../shared/redis-clock';
import { testConfig } from './support/test-env';
import { connectTestRedis } from './support/test-redis';
import { isolateTestFile } from './support/isolation';

const T = Date.parse('2030-01-01T09:00:00Z');
const HOUR = 3_600_000;

interface WindowCase {
  availableAt: number | null;
  endAt: number | null;
}

/** Every edge of [availableAt, endAt): the instant before, on and after each bound, and items without one. */
const EDGES: (WindowCase & { now: number; status: SaleStatus })[] = [
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

const windowProbe = new LuaScript(path.join(__dirname, 'fixtures', 'lua', 'sale-window-probe.lua'), 0, (raw) => raw as SaleStatus[]);

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const bound = (ms: number | null) => (ms === null ? '' : String(ms));

/**
 * What admit-order.lua decides about the window now, by Redis's clock, for an item whose sale state
 * has it. The order carries a wrong price, so a window that lets it through stops at PRICE_MISMATCH
 * with nothing written.
 */
async function windowInAdmitStep(config: Config, redis: Redis, itemNum: number): Promise<SaleStatus> {
  const caller = { userNum: itemNum, role: 'BUYER' as const, issuedAtMs: Date.now() };
  const reply = await admitInRedis({ config, redis }, { caller, buyerNum: itemNum, itemNum, quantity: 1, price: PRICE + 1 });
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

  it('When an order arrives at each edge of the window, the TypeScript rule and the Lua rule give the same status', async () => {
    const lua = await windowProbe.run(
      redis,
      [],
      EDGES.flatMap((edge) => [bound(edge.availableAt), bound(edge.endAt), edge.now]),
    );
    const typescript = EDGES.map((edge) => saleStatusAt({ availableAt: date(edge.availableAt), endAt: date(edge.endAt) }, new Date(edge.now)));
    expect({ typescript, lua }).to.deep.equal({ typescript: EDGES.map((edge) => edge.status), lua: EDGES.map((edge) => edge.status) });
  });

  it("When admit-order.lua judges a window, it reads Redis's clock: an hour either side of it gives what the rule says at that clock", async () => {
    const now = await readRedisClock(redis);
    const cases: WindowCase[] = [
      { availableAt: now + HOUR, endAt: null },
      { availableAt: now - HOUR, endAt: null },
      { availableAt: now - HOUR, endAt: now + HOUR },
      { availableAt: null, endAt: now - HOUR },
      { availableAt: now - 2 * HOUR, endAt: now - HOUR },
    ];
    const seen = await Promise.all(
      cases.map(async (window, i) => {
        const itemNum = i + 1;
        const row = { id: itemNum, seller_id: 1, price: PRICE, available_at: date(window.availableAt), end_at: date(window.endAt), deleted_at: null, max_per_buyer: null, quantity: 5, version: 1 };
        await writeItemSaleState(redis, row, 'exact');
        return windowInAdmitStep(config, redis, itemNum);
      }),
    );
    expect(seen).to.deep.equal(cases.map((window) => saleStatusAt({ availableAt: date(window.availableAt), endAt: date(window.endAt) }, new Date(now))));
    expect(seen).to.deep.equal(['UPCOMING', 'ON_SALE', 'ON_SALE', 'ENDED', 'ENDED']);
  });
});
