import { expect } from 'chai';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { readRedisClock } from '../shared/redis-clock';
import { redisKeys } from '../shared/redis-keys';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { isolateTestFile } from './support/isolation';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { startTestWorker } from './support/worker';

describe("The seller's own items with their live figures", () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;
  let otherSeller: TestUser;
  let buyer: BuyerClient;

  before(async () => {
    api = await startTestApi();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    otherSeller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    buyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
  });
  after(async () => api.stop());

  const liveView = (caller: TestUser, sellerNum = caller.userNum) =>
    request(api.url).get(`/api/v1/sellers/${sellerNum}/items`).set('Authorization', `Bearer ${caller.token}`);
  const liveItem = async (itemNum: number) => {
    const res = await liveView(seller).expect(200);
    return res.body.data.items.find((item: { itemNum: number }) => item.itemNum === itemNum);
  };

  it('When a seller asks, only their own live items come, newest first, deleted ones left out', async () => {
    const older = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const deleted = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const newer = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { availableAt: new Date(Date.now() + 3600_000) });
    const someoneElses = await insertItem(api.ctx.db, api.ctx.redis, otherSeller.userNum);
    await request(api.url).delete(`/api/v1/items/${deleted.itemNum}`).set('Authorization', `Bearer ${seller.token}`).expect(200);

    const { data } = (await liveView(seller).expect(200)).body;
    expect(data.items.map((item: { itemNum: number }) => item.itemNum)).to.deep.equal([newer.itemNum, older.itemNum]);
    expect(data.total).to.equal(2);
    expect(data.items[0]).to.include({ sellerNum: seller.userNum, saleStatus: 'UPCOMING', stock: 10 });
    expect(data.items[1].live).to.deep.equal({ unitsInFlight: 0, lineLength: 0, drainRatePerSecond: null, paidOrders: 0, failedOrders: 0 });
    const theirs = (await liveView(otherSeller).expect(200)).body.data.items;
    expect(theirs.map((item: { itemNum: number }) => item.itemNum)).to.deep.equal([someoneElses.itemNum]);
  });

  it("When someone else asks for a seller's items, the answer is 403 (another seller, a buyer) or 401 (no token)", async () => {
    expect((await liveView(otherSeller, seller.userNum).expect(403)).body.code).to.equal('FORBIDDEN');
    expect((await liveView(buyer.user, seller.userNum).expect(403)).body.code).to.equal('ROLE_REQUIRED');
    expect((await request(api.url).get(`/api/v1/sellers/${seller.userNum}/items`).expect(401)).body.code).to.equal('UNAUTHENTICATED');
  });

  it('When payments wait for a worker, the line length and units in flight show them; once drained, the paid and failed counts do', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 10 });
    // Entered before any is paid, so all four pass the gate; the fourth finds 1 unit left when its turn comes.
    const orders = [];
    for (let i = 0; i < 4; i++) orders.push(await buyer.enter(itemNum, price, 3));
    for (const orderNum of orders) await buyer.pay(orderNum).expect(202);
    expect((await liveItem(itemNum)).live).to.deep.equal({ unitsInFlight: 12, lineLength: 4, drainRatePerSecond: null, paidOrders: 0, failedOrders: 0 });

    const worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0' });
    try {
      await buyer.settled(orders[3], 'FAILED_QUANTITY');
    } finally {
      await worker.stop();
    }
    const drained = await liveItem(itemNum);
    expect(drained.stock).to.equal(1);
    expect(drained.live).to.include({ unitsInFlight: 0, lineLength: 0, paidOrders: 3, failedOrders: 1 });
  });

  it('When the worker has measured a drain rate, the view shows the one it keeps for ETAs, and 0 once nothing has drained for 5 s', async () => {
    const { itemNum } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const saleState = redisKeys.itemSaleState(itemNum);
    const now = await readRedisClock(api.ctx.redis);
    await api.ctx.redis.hset(saleState, 'drainRate', '812.345', 'lastBatchAt', now);
    expect((await liveItem(itemNum)).live.drainRatePerSecond).to.equal(812.3);
    await api.ctx.redis.hset(saleState, 'lastBatchAt', now - 5_001);
    expect((await liveItem(itemNum)).live.drainRatePerSecond).to.equal(0);
    await api.ctx.redis.hdel(saleState, 'drainRate', 'lastBatchAt');
    expect((await liveItem(itemNum)).live.drainRatePerSecond).to.equal(null);
  });
});
