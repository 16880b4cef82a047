import { expect } from 'chai';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { reconcileRedisWithMysql } from '../shared/orders/reconcile-redis';
import { createRedis } from '../shared/redis';
import { redisKeys } from '../shared/redis-keys';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { freePort } from './support/free-port';
import { isolateTestFile } from './support/isolation';
import { countMysqlQueries } from './support/mysql-query-counter';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { ServiceProcess } from './support/service-processes';
import { testConfig } from './support/test-env';
import { waitFor } from './support/wait';
import { startTestWorker, sweepPastOrderTtl, workerForBlock } from './support/worker';

/**
 * Every key of this file's services gone in one command, as a FLUSHDB does it. Deleting while
 * scanning would race the reconciliation the first deletions set off and delete what it rebuilt.
 */
async function flushKeysOfFile(): Promise<void> {
  const config = testConfig();
  const redis = createRedis({ ...config, redisPrefix: '' });
  await redis.connect();
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${config.redisPrefix}*`, count: 1000 })) keys.push(...(batch as string[]));
    await redis.unlink(...keys);
  } finally {
    redis.disconnect();
  }
}

describe('Drop rules: a per-buyer cap on each item (maxPerBuyer)', function () {
  isolateTestFile(__filename);
  this.timeout(60_000);
  let api: RunningApi;
  let seller: TestUser;

  before(async () => {
    api = await startTestApi();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
  });
  after(async () => api.stop());

  const newBuyer = async () => new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
  const cappedItem = (maxPerBuyer: number, stock = 20) => insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock, maxPerBuyer });
  const heldUnits = async (itemNum: number) => api.ctx.redis.hgetall(redisKeys.itemHeldUnits(itemNum));
  const setCap = (itemNum: number, maxPerBuyer: number | null) =>
    request(api.url).put(`/api/v1/items/${itemNum}`).set('Authorization', `Bearer ${seller.token}`).send({ maxPerBuyer }).expect(200);
  const expectLimitReached = (res: request.Response, details: { maxPerBuyer: number; held: number }) => {
    expect(res.status).to.equal(409);
    expect(res.body.code).to.equal('PURCHASE_LIMIT_REACHED');
    expect(res.body.data).to.deep.equal(details);
  };

  describe('while no worker runs', () => {
    it('When a buyer already holds the cap of 2, a third order gets 409 PURCHASE_LIMIT_REACHED with held 2, from Redis alone; another buyer still gets in', async () => {
      const item = await cappedItem(2);
      const buyer = await newBuyer();
      await buyer.enter(item.itemNum, item.price);
      await buyer.enter(item.itemNum, item.price);
      let refused: request.Response | undefined;
      const queries = await countMysqlQueries(api.ctx.db, async () => {
        refused = await buyer.order(item.itemNum, item.price);
      });
      expectLimitReached(refused!, { maxPerBuyer: 2, held: 2 });
      expect(queries).to.equal(0);
      const other = await newBuyer();
      await other.enter(item.itemNum, item.price, 2);
      expect(await heldUnits(item.itemNum)).to.deep.equal({ [buyer.user.userNum]: '2', [other.user.userNum]: '2' });
    });

    it('When one order asks for 3 units under a cap of 2, it gets 409 with held 0 and nothing is held', async () => {
      const item = await cappedItem(2);
      const buyer = await newBuyer();
      expectLimitReached(await buyer.order(item.itemNum, item.price, 3), { maxPerBuyer: 2, held: 0 });
      expect(await heldUnits(item.itemNum)).to.deep.equal({});
      await buyer.enter(item.itemNum, item.price, 2);
    });

    it('When a buyer cancels an INITIATED order, its units come back at once, and a second cancel gives nothing more', async () => {
      const item = await cappedItem(2);
      const buyer = await newBuyer();
      const first = await buyer.enter(item.itemNum, item.price);
      await buyer.enter(item.itemNum, item.price);
      await buyer.cancel(first).expect(200);
      await buyer.cancel(first).expect(409);
      expect(await heldUnits(item.itemNum)).to.deep.equal({ [buyer.user.userNum]: '1' });
      await buyer.enter(item.itemNum, item.price);
      expectLimitReached(await buyer.order(item.itemNum, item.price), { maxPerBuyer: 2, held: 2 });
    });

    it('When the seller lowers the cap below what a buyer holds, nothing is canceled and new orders are refused at once; raising it lets them in at once', async () => {
      const item = await cappedItem(3);
      const buyer = await newBuyer();
      const orders = [await buyer.enter(item.itemNum, item.price), await buyer.enter(item.itemNum, item.price)];
      await setCap(item.itemNum, 1);
      expectLimitReached(await buyer.order(item.itemNum, item.price), { maxPerBuyer: 1, held: 2 });
      for (const orderNum of orders) expect((await buyer.poll(orderNum).expect(200)).body.data.status).to.equal('INITIATED');
      await setCap(item.itemNum, 3);
      await buyer.enter(item.itemNum, item.price);
      await setCap(item.itemNum, null);
      await buyer.enter(item.itemNum, item.price, 5);
      expect(await heldUnits(item.itemNum)).to.deep.equal({ [buyer.user.userNum]: '8' });
    });
  });

  describe('with a worker that never declines', () => {
    workerForBlock({ PAYMENT_FAILURE_RATE: '0' });

    it('When a PAID order is refunded, its units come back once; the worker writing an earlier cancel to MySQL gives nothing more', async () => {
      const item = await cappedItem(2);
      const buyer = await newBuyer();
      const paid = await buyer.enterAndPay(item.itemNum, item.price);
      const canceled = await buyer.enter(item.itemNum, item.price);
      await buyer.cancel(canceled).expect(200);
      await buyer.settled(canceled, 'CANCELED');
      expect((await buyer.settled(paid)).status).to.equal('PAID');
      expect(await heldUnits(item.itemNum), 'the PAID order still holds its unit').to.deep.equal({ [buyer.user.userNum]: '1' });

      await buyer.enter(item.itemNum, item.price);
      expectLimitReached(await buyer.order(item.itemNum, item.price), { maxPerBuyer: 2, held: 2 });
      expect((await buyer.cancel(paid).expect(200)).body.data).to.include({ refunded: true });
      await buyer.cancel(paid).expect(409);
      expect(await heldUnits(item.itemNum)).to.deep.equal({ [buyer.user.userNum]: '1' });
      await buyer.enter(item.itemNum, item.price);
    });

    it('When a payment fails for want of stock (FAILED_QUANTITY), its units come back', async () => {
      const item = await cappedItem(2, 1);
      const [first, second] = [await newBuyer(), await newBuyer()];
      // Both entered before either pays: a payment in flight holds its unit against later orders.
      const paid = await first.enter(item.itemNum, item.price);
      const short = await second.enter(item.itemNum, item.price);
      await first.pay(paid).expect(202);
      await second.pay(short).expect(202);
      expect((await first.settled(paid)).status).to.equal('PAID');
      expect((await second.settled(short)).status).to.equal('FAILED_QUANTITY');
      expect(await heldUnits(item.itemNum)).to.deep.equal({ [first.user.userNum]: '1' });
    });
  });

  describe('with a worker that always declines', () => {
    workerForBlock({ PAYMENT_FAILURE_RATE: '1' });

    it('When the customer payment fails, the order is FAILED_CUSTOMER and its units come back', async () => {
      const item = await cappedItem(2);
      const buyer = await newBuyer();
      const declined = await buyer.enterAndPay(item.itemNum, item.price, 2);
      expect((await buyer.settled(declined)).status).to.equal('FAILED_CUSTOMER');
      expect(await heldUnits(item.itemNum)).to.deep.equal({});
      await buyer.enter(item.itemNum, item.price, 2);
    });
  });

  describe('with a worker whose clock runs past ORDER_TTL', () => {
    workerForBlock({}, sweepPastOrderTtl);

    it('When an INITIATED order expires, its units come back', async () => {
      const item = await cappedItem(2);
      const buyer = await newBuyer();
      const expired = await buyer.enter(item.itemNum, item.price, 2);
      const order = await buyer.settled(expired, 'CANCELED');
      expect(order.reason).to.equal('ORDER_TTL_EXPIRED');
      expect(await heldUnits(item.itemNum)).to.deep.equal({});
    });
  });

  describe('across two API processes', () => {
    const apis: ServiceProcess[] = [];
    const urls: string[] = [];
    before(async () => {
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        apis.push(await ServiceProcess.start('api', { PORT: String(port) }));
        urls.push(`http://127.0.0.1:${port}`);
      }
    });
    after(async () => {
      await Promise.all(apis.map((process) => process.stop()));
    });

    it('When one buyer sends 20 orders at once, cap 2, half to each process, exactly 2 are accepted; paid, they pass the audit, which names the buyer once the cap is lowered below them', async () => {
      const item = await cappedItem(2);
      const user = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
      const clients = urls.map((url) => new BuyerClient(url, user));
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2].order(item.itemNum, item.price)));
      const accepted = answers.filter((res) => res.status === 200);
      expect(accepted).to.have.length(2);
      for (const res of answers.filter((answer) => answer.status !== 200)) expectLimitReached(res, { maxPerBuyer: 2, held: 2 });
      expect(await heldUnits(item.itemNum)).to.deep.equal({ [user.userNum]: '2' });

      const worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0' });
      try {
        const orderNums = accepted.map((res) => res.body.data.orderNum as number);
        for (const orderNum of orderNums) await clients[0].pay(orderNum).expect(202);
        for (const orderNum of orderNums) expect((await clients[0].settled(orderNum)).status).to.equal('PAID');
        expect(await auditItemInvariants(api.ctx.db, item.itemNum, orderNums)).to.deep.equal([]);
        await setCap(item.itemNum, 1);
        expect(await auditItemInvariants(api.ctx.db, item.itemNum, orderNums)).to.deep.equal([`buyer ${user.userNum} has 2 PAID units, over maxPerBuyer 1`]);
      } finally {
        await worker.stop();
      }
    });
  });

  describe('when Redis loses its data', () => {
    it('When the keys are flushed, reconciliation rebuilds what each buyer holds from MySQL: PAID and INITIATED orders count, canceled ones do not', async () => {
      const item = await cappedItem(3);
      const [keeper, leaver] = [await newBuyer(), await newBuyer()];
      const worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0' });
      try {
        const paid = await keeper.enterAndPay(item.itemNum, item.price);
        const waiting = await keeper.enter(item.itemNum, item.price);
        const canceled = await leaver.enter(item.itemNum, item.price, 3);
        await leaver.cancel(canceled).expect(200);
        await waitFor('the orders in MySQL', async () => {
          const rows: { id: number; status: string }[] = await api.ctx.db('orders').whereIn('id', [paid, waiting, canceled]).select('id', 'status');
          const statusOf = new Map(rows.map((row) => [Number(row.id), row.status]));
          return statusOf.get(paid) === 'PAID' && statusOf.get(waiting) === 'INITIATED' && statusOf.get(canceled) === 'CANCELED';
        });
        expect(await heldUnits(item.itemNum)).to.deep.equal({ [keeper.user.userNum]: '2' });

        await flushKeysOfFile();
        await waitFor('the held units rebuilt', async () => (await api.ctx.redis.exists(redisKeys.itemHeldUnits(item.itemNum))) === 1);
        expect(await heldUnits(item.itemNum)).to.deep.equal({ [keeper.user.userNum]: '2' });
        const refused = await waitFor('orders taken again', async () => {
          const res = await keeper.order(item.itemNum, item.price, 2);
          return res.status === 503 ? undefined : res;
        });
        expectLimitReached(refused, { maxPerBuyer: 3, held: 2 });
        await keeper.enter(item.itemNum, item.price);
        await leaver.enter(item.itemNum, item.price, 3);
      } finally {
        await worker.stop();
      }
    });

    it('When the lines survived but the counts did not, reconciliation counts orders still in a line from their mirrors and the rest from MySQL', async () => {
      const item = await cappedItem(10);
      const buyer = await newBuyer();
      const worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0' });
      let recorded: number;
      try {
        const paid = await buyer.enterAndPay(item.itemNum, item.price);
        recorded = await buyer.enter(item.itemNum, item.price);
        await buyer.settled(paid, 'PAID');
        await waitFor('the INITIATED order in MySQL', async () => (await api.ctx.db('orders').where({ id: recorded }).first()) !== undefined);
      } finally {
        await worker.stop();
      }
      await buyer.pay(recorded).expect(202);
      await buyer.enter(item.itemNum, item.price, 2);
      const canceled = await buyer.enter(item.itemNum, item.price, 3);
      await buyer.cancel(canceled).expect(200);
      expect(await api.ctx.redis.llen(redisKeys.itemLine(item.itemNum)), 'pay, record, record, cancel entries wait').to.equal(4);

      await api.ctx.redis.hset(redisKeys.itemHeldUnits(item.itemNum), String(buyer.user.userNum), '99');
      await reconcileRedisWithMysql(api.ctx, { dataLost: true });
      // PAID 1 (MySQL), paying 1 (MySQL says INITIATED, its mirror IN_PROGRESS), a new order of 2 (not in MySQL yet), the canceled 3 not at all.
      expect(await heldUnits(item.itemNum)).to.deep.equal({ [buyer.user.userNum]: '4' });
    });
  });
});
