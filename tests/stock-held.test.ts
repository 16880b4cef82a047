import { expect } from 'chai';
import type request from 'supertest';
import type { RunningApi } from '../api/server';
import { partitionOf } from '../shared/queue';
import { redisKeys } from '../shared/redis-keys';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { isolateTestFile } from './support/isolation';
import { countMysqlQueries } from './support/mysql-query-counter';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { workerForBlock } from './support/worker';

describe('Units held by payments in flight', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;

  before(async () => {
    api = await startTestApi();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
  });
  after(async () => api.stop());

  const newBuyer = async () => new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
  const lineLength = (itemNum: number) => api.ctx.redis.llen(redisKeys.itemLine(itemNum));
  const expectStockHeld = (res: request.Response, details: { stock: number; unitsInFlight: number }, retryAfter: string) => {
    expect(res.status).to.equal(409);
    expect(res.body).to.include({ status: 'CONFLICT', code: 'STOCK_HELD' });
    expect(res.body.data).to.deep.equal(details);
    expect(res.headers['retry-after']).to.equal(retryAfter);
  };

  /**
   * Keeps the item's drain back: its partition is paused for every worker until the returned
   * function resumes it, so that payments stay in flight while the worker is up.
   */
  const holdDrain = async (itemNum: number) => {
    const partition = api.ctx.orderQueues.queues[partitionOf(itemNum, api.ctx.config.queuePartitions)];
    await partition.pause();
    return () => partition.resume();
  };

  describe('with a worker that always declines', () => {
    workerForBlock({ PAYMENT_FAILURE_RATE: '1' });

    it('When payments in flight hold every unit left, a new order gets 409 STOCK_HELD with Retry-After, from Redis alone, and nothing is queued; once a payment fails and its unit comes back, an order is admitted again', async () => {
      const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 2 });
      const [declined, paying, late] = [await newBuyer(), await newBuyer(), await newBuyer()];
      const releaseDrain = await holdDrain(item.itemNum);
      const declinedOrder = await declined.enterAndPay(item.itemNum, item.price);
      await paying.enterAndPay(item.itemNum, item.price);
      const queued = await lineLength(item.itemNum);

      let refused!: request.Response;
      const queries = await countMysqlQueries(api.ctx.db, async () => {
        refused = await late.order(item.itemNum, item.price);
      });
      expectStockHeld(refused, { stock: 2, unitsInFlight: 2 }, '2');
      expect(queries).to.equal(0);
      expect(await lineLength(item.itemNum)).to.equal(queued);
      expect(await api.ctx.redis.hgetall(redisKeys.itemHeldUnits(item.itemNum))).to.not.have.property(String(late.user.userNum));

      await releaseDrain();
      expect((await declined.settled(declinedOrder)).status).to.equal('FAILED_CUSTOMER');
      await late.enter(item.itemNum, item.price);
    });
  });

  describe('with a worker that never declines', () => {
    workerForBlock({ PAYMENT_FAILURE_RATE: '0' });

    it('When every payment in flight is paid, the item is sold out for good: SOLD_OUT, not STOCK_HELD', async () => {
      const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 1 });
      const [paying, late] = [await newBuyer(), await newBuyer()];
      const releaseDrain = await holdDrain(item.itemNum);
      const paid = await paying.enterAndPay(item.itemNum, item.price);
      expect((await late.order(item.itemNum, item.price).expect(409)).body.code).to.equal('STOCK_HELD');

      await releaseDrain();
      expect((await paying.settled(paid)).status).to.equal('PAID');
      const soldOut = await late.order(item.itemNum, item.price).expect(409);
      expect(soldOut.body.code).to.equal('SOLD_OUT');
      expect(soldOut.headers).to.not.have.property('retry-after');
    });
  });

  describe('while no worker runs', () => {
    it('When a unit is free but the order asks for more than is free, it gets STOCK_HELD too: the rest may come back', async () => {
      const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 3 });
      const [paying, late] = [await newBuyer(), await newBuyer()];
      await paying.enterAndPay(item.itemNum, item.price, 2);
      expectStockHeld(await late.order(item.itemNum, item.price, 2), { stock: 3, unitsInFlight: 2 }, '2');
      await late.enter(item.itemNum, item.price, 1);
    });

    it('When the line has a drain rate, Retry-After is the time its waiting payments take at that rate, at most 10 s', async () => {
      const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 3 });
      const buyer = await newBuyer();
      for (let i = 0; i < 3; i++) await buyer.enterAndPay(item.itemNum, item.price);
      const saleState = redisKeys.itemSaleState(item.itemNum);
      const cases = [
        { drainRate: '2.5', retryAfter: '2' },
        { drainRate: '1000', retryAfter: '1' },
        { drainRate: '0.2', retryAfter: '10' },
      ];
      for (const { drainRate, retryAfter } of cases) {
        await api.ctx.redis.hset(saleState, 'drainRate', drainRate);
        expectStockHeld(await buyer.order(item.itemNum, item.price), { stock: 3, unitsInFlight: 3 }, retryAfter);
      }
      await api.ctx.redis.hset(saleState, 'processedSeq', '2', 'drainRate', '0.5');
      expectStockHeld(await buyer.order(item.itemNum, item.price), { stock: 3, unitsInFlight: 3 }, '2');
    });
  });
});
