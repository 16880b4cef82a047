import { expect } from 'chai';
import type { RunningApi } from '../api/server';
import { redisKeys } from '../shared/redis-keys';
import type { RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { countMysqlQueries } from './support/mysql-query-counter';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { waitFor } from './support/wait';
import { startTestWorker } from './support/worker';
import { isolateTestFile } from './support/isolation';

const stockInMysql = async (api: RunningApi, itemNum: number) =>
  Number((await api.ctx.db('stocks').where({ item_id: itemNum }).first()).quantity);
const stockGate = async (api: RunningApi, itemNum: number) => Number(await api.ctx.redis.hget(redisKeys.itemSaleState(itemNum), 'stock'));

describe('Paying, polling and canceling', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;
  let buyer: BuyerClient;
  let otherBuyer: BuyerClient;

  before(async () => {
    api = await startTestApi();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    buyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
    otherBuyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
  });
  after(async () => api.stop());

  describe('while no worker runs', () => {
    it('When a buyer tries payment, the answer is 202 IN_PROGRESS with no MySQL query, on both paths', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const first = await buyer.enter(itemNum, price);
      const second = await buyer.enter(itemNum, price);
      const queries = await countMysqlQueries(api.ctx.db, async () => {
        const res = await buyer.pay(first).expect(202);
        expect(res.body.data).to.include({ orderNum: first, itemNum, status: 'IN_PROGRESS', arrivalSeq: 1 });
        await buyer.pay(second, '/api/v1/orders/try-payments').expect(202);
      });
      expect(queries).to.equal(0);
    });

    it('When payments wait, each poll tells the place in line, without MySQL', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orders = [await buyer.enterAndPay(itemNum, price), await buyer.enterAndPay(itemNum, price), await buyer.enterAndPay(itemNum, price)];
      const queries = await countMysqlQueries(api.ctx.db, async () => {
        for (const [index, orderNum] of orders.entries()) {
          const res = await buyer.poll(orderNum).expect(200);
          expect(res.body.data).to.include({ status: 'IN_PROGRESS', placeInLine: index + 1 });
        }
      });
      expect(queries).to.equal(0);
    });

    it('When payment is tried twice, the second gets 409 INVALID_STATE with the current state', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orderNum = await buyer.enterAndPay(itemNum, price);
      const res = await buyer.pay(orderNum).expect(409);
      expect(res.body).to.include({ code: 'INVALID_STATE' });
      expect(res.body.data).to.deep.equal({ status: 'IN_PROGRESS' });
    });

    it("When another buyer pays, polls or cancels someone's order, the answer is 403", async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orderNum = await buyer.enter(itemNum, price);
      await otherBuyer.pay(orderNum).expect(403);
      await otherBuyer.poll(orderNum).expect(403);
      await otherBuyer.cancel(orderNum).expect(403);
    });

    it('When the order does not exist, pay, poll and cancel answer 404', async () => {
      await buyer.pay(99999999).expect(404);
      await buyer.poll(99999999).expect(404);
      await buyer.cancel(99999999).expect(404);
    });

    it('When an order in payment is canceled, the answer is 409 with its state', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orderNum = await buyer.enterAndPay(itemNum, price);
      const res = await buyer.cancel(orderNum).expect(409);
      expect(res.body.data).to.deep.equal({ status: 'IN_PROGRESS' });
    });
  });

  describe('with a worker that never declines', () => {
    let worker: RunningWorker;
    before(async () => {
      worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0' });
    });
    after(async () => worker.stop());

    it('When a payment is applied, the order is PAID with its history and payment, and stock drops in MySQL and in the gate', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 5 });
      const orderNum = await buyer.enterAndPay(itemNum, price, 2);
      const order = await buyer.settled(orderNum);
      expect(order).to.include({ status: 'PAID', amount: 2 * price });
      expect(order.history.map((h: { from: string | null; to: string }) => `${h.from}->${h.to}`)).to.deep.equal([
        'null->INITIATED',
        'INITIATED->IN_PROGRESS',
        'IN_PROGRESS->PAID',
      ]);
      expect(order.payment).to.include({ status: 'PAID', amount: 2 * price, refundedAt: null });
      expect(await stockInMysql(api, itemNum)).to.equal(3);
      await waitFor('gate to follow MySQL', async () => (await stockGate(api, itemNum)) === 3);
      expect(await auditItemInvariants(api.ctx.db, itemNum, [orderNum])).to.deep.equal([]);
    });

    it('When more is paid for than is left, the later payment is FAILED_QUANTITY and stock stays at zero', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 1 });
      const first = await buyer.enter(itemNum, price);
      const second = await otherBuyer.enter(itemNum, price);
      await buyer.pay(first).expect(202);
      await otherBuyer.pay(second).expect(202);
      expect((await buyer.settled(first)).status).to.equal('PAID');
      const late = await otherBuyer.settled(second);
      expect(late).to.include({ status: 'FAILED_QUANTITY', reason: 'OUT_OF_STOCK', payment: null });
      expect(await stockInMysql(api, itemNum)).to.equal(0);
      const soldOut = await buyer.order(itemNum, price).expect(409);
      expect(soldOut.body.code).to.equal('SOLD_OUT');
    });

    it('When a PAID order is canceled, the payment is REFUNDED and stock restored in MySQL and in the gate', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 3 });
      const orderNum = await buyer.enterAndPay(itemNum, price, 2);
      await buyer.settled(orderNum, 'PAID');
      const res = await buyer.cancel(orderNum).expect(200);
      expect(res.body.data).to.deep.equal({ orderNum, status: 'CANCELED', refunded: true });
      const order = await buyer.settled(orderNum, 'CANCELED');
      expect(order.payment).to.include({ status: 'REFUNDED' });
      expect(order.history.at(-1)).to.include({ from: 'PAID', to: 'CANCELED' });
      expect(await stockInMysql(api, itemNum)).to.equal(3);
      expect(await stockGate(api, itemNum)).to.equal(3);
      expect(await auditItemInvariants(api.ctx.db, itemNum, [orderNum])).to.deep.equal([]);
    });

    it('When the same PAID order is canceled many times at once, stock is restored exactly once', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 4 });
      const orderNum = await buyer.enterAndPay(itemNum, price, 3);
      await buyer.settled(orderNum, 'PAID');
      const answers = await Promise.all(Array.from({ length: 8 }, () => buyer.cancel(orderNum)));
      expect(answers.filter((res) => res.status === 200)).to.have.length(1);
      expect(answers.filter((res) => res.status === 409)).to.have.length(7);
      expect(await stockInMysql(api, itemNum)).to.equal(4);
      const refunds = await api.ctx.db('order_histories').where({ order_id: orderNum, to_status: 'CANCELED' }).count({ n: '*' });
      expect(Number(refunds[0].n)).to.equal(1);
      expect(await auditItemInvariants(api.ctx.db, itemNum, [orderNum])).to.deep.equal([]);
    });

    it('When an INITIATED order is canceled, it is CANCELED in MySQL too and stock is untouched', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 2 });
      const orderNum = await buyer.enter(itemNum, price);
      const res = await buyer.cancel(orderNum).expect(200);
      expect(res.body.data).to.include({ status: 'CANCELED', refunded: false });
      const order = await buyer.settled(orderNum, 'CANCELED');
      expect(order.history.map((h: { to: string }) => h.to)).to.deep.equal(['INITIATED', 'CANCELED']);
      expect(await stockInMysql(api, itemNum)).to.equal(2);
      await buyer.pay(orderNum).expect(409);
      await buyer.cancel(orderNum).expect(409);
    });

    it("When a buyer lists orders, only the caller's come back, newest first, paged", async () => {
      const lister = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 10 });
      const mine = [await lister.enterAndPay(itemNum, price), await lister.enterAndPay(itemNum, price), await lister.enterAndPay(itemNum, price)];
      await otherBuyer.enterAndPay(itemNum, price);
      for (const orderNum of mine) await lister.settled(orderNum);
      const page1 = (await lister.list('?page=1&size=2').expect(200)).body.data;
      const page2 = (await lister.list('?page=2&size=2').expect(200)).body.data;
      expect(page1.total).to.equal(3);
      expect(page1.orders.map((o: { orderNum: number }) => o.orderNum)).to.deep.equal([mine[2], mine[1]]);
      expect(page2.orders.map((o: { orderNum: number }) => o.orderNum)).to.deep.equal([mine[0]]);
    });
  });

  describe('with a worker that always declines', () => {
    let worker: RunningWorker;
    before(async () => {
      worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '1' });
    });
    after(async () => worker.stop());

    it('When the customer payment fails, the order is FAILED_CUSTOMER, no payment row, stock untouched', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 2 });
      const orderNum = await buyer.enterAndPay(itemNum, price);
      const order = await buyer.settled(orderNum);
      expect(order).to.include({ status: 'FAILED_CUSTOMER', reason: 'PAYMENT_DECLINED', payment: null });
      expect(await stockInMysql(api, itemNum)).to.equal(2);
      const res = await buyer.cancel(orderNum).expect(409);
      expect(res.body.data).to.deep.equal({ status: 'FAILED_CUSTOMER' });
    });
  });

  describe("with a worker whose sweep judges ORDER_TTL ahead of Redis's clock", () => {
    let worker: RunningWorker;
    before(async () => {
      const ttlMs = api.ctx.config.orderTtlSeconds * 1000;
      worker = await startTestWorker({}, { sweepAheadMs: ttlMs + 1000 });
    });
    after(async () => worker.stop());

    it('When an INITIATED order is not paid within ORDER_TTL, the service cancels it', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orderNum = await buyer.enter(itemNum, price);
      const order = await buyer.settled(orderNum, 'CANCELED');
      expect(order.history.at(-1)).to.include({ from: 'INITIATED', to: 'CANCELED', reason: 'ORDER_TTL_EXPIRED' });
      await buyer.pay(orderNum).expect(409);
    });
  });
});
