import { expect } from 'chai';
import type { RunningApi } from '../api/server';
import { orderChangesChannel, redisKeys } from '../shared/redis-keys';
import type { RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { freePort } from './support/free-port';
import { isolateTestFile } from './support/isolation';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { bearer, OrderStream } from './support/order-stream';
import { ServiceProcess } from './support/service-processes';
import { waitFor } from './support/wait';
import { startTestWorker } from './support/worker';

describe('Prefer: wait, ETA and the order changes channel', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;
  let buyer: BuyerClient;
  let worker: RunningWorker | undefined;
  const startWorker = async () => (worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0' }));
  const stopWorker = async () => {
    await worker?.stop();
    worker = undefined;
  };
  const item = (stock = 10) => insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock });

  before(async () => {
    api = await startTestApi();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    buyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
  });
  afterEach(stopWorker);
  after(async () => api.stop());

  it('When the payment settles within N seconds, try-payment answers 200 with the settled order and Preference-Applied, on both paths', async () => {
    await startWorker();
    const { itemNum, price } = await item();
    for (const path of ['/api/v1/try-payments', '/api/v1/orders/try-payments']) {
      const orderNum = await buyer.enter(itemNum, price);
      const res = await buyer.pay(orderNum, path).set('Prefer', 'wait=10').expect(200);
      expect(res.headers['preference-applied']).to.equal('wait=10');
      expect(res.body.data).to.include({ orderNum, status: 'PAID' });
      expect(res.body.data).to.deep.equal((await buyer.poll(orderNum).expect(200)).body.data);
    }
  });

  it('When the order does not settle in time (no worker drains), the answer after N seconds is 202 as without the header, and a poll answers its current state', async () => {
    const { itemNum, price } = await item();
    const orderNum = await buyer.enter(itemNum, price);
    const started = Date.now();
    const res = await buyer.pay(orderNum).set('Prefer', 'wait=1').expect(202);
    expect(Date.now() - started).to.be.at.least(950);
    expect(res.headers['preference-applied']).to.equal('wait=1');
    expect(res.body.data).to.include({ orderNum, status: 'IN_PROGRESS' });
    const poll = await buyer.poll(orderNum).set('Prefer', 'wait=1').expect(200);
    expect(poll.body.data).to.include({ status: 'IN_PROGRESS', placeInLine: 1 });
    expect(api.ctx.orderChanges.size).to.equal(0);
  });

  it('When a poll waits and a worker starts meanwhile, it answers 200 with the settled order as soon as it settles', async () => {
    const { itemNum, price } = await item();
    const orderNum = await buyer.enterAndPay(itemNum, price);
    const poll = buyer.poll(orderNum).set('Prefer', 'wait=20');
    const answer = poll.then((res) => res);
    await waitFor('the poll to wait', () => api.ctx.openWatches.waitCount === 1);
    const started = Date.now();
    await startWorker();
    const res = await answer;
    expect(res.status).to.equal(200);
    expect(res.headers['preference-applied']).to.equal('wait=20');
    expect(res.body.data).to.include({ status: 'PAID' });
    expect(Date.now() - started).to.be.below(10_000);
  });

  it('When N is over 30, the wait is cut to 30; a value that is no number is ignored', async () => {
    const { itemNum, price } = await item();
    const orderNum = await buyer.enterAndPay(itemNum, price);
    await startWorker();
    await buyer.settled(orderNum);
    const long = await buyer.poll(orderNum).set('Prefer', 'respond-async, wait=100').expect(200);
    expect(long.headers['preference-applied']).to.equal('wait=30');
    const nonsense = await buyer.poll(orderNum).set('Prefer', 'wait=soon').expect(200);
    expect(nonsense.headers['preference-applied']).to.equal(undefined);
  });

  it('With a publish suppressed, the wait still ends with the right answer: the order is read again when the wait ends', async () => {
    const channel = orderChangesChannel(api.ctx.config);
    await startWorker();
    const { itemNum, price } = await item();
    const orderNum = await buyer.enter(itemNum, price);
    await api.ctx.orderChanges.subscriber.unsubscribe(channel);
    try {
      const started = Date.now();
      const res = await buyer.pay(orderNum).set('Prefer', 'wait=2').expect(200);
      // Nothing woke it: it answered when its 2 s were up, from what it read then.
      expect(Date.now() - started).to.be.at.least(1950);
      expect(res.body.data).to.include({ orderNum, status: 'PAID' });
    } finally {
      await api.ctx.orderChanges.subscriber.subscribe(channel);
    }
  });

  it('When the subscription is lost while an order settles, its open stream catches up once the subscription is back', async () => {
    const channel = orderChangesChannel(api.ctx.config);
    const { itemNum, price } = await item();
    const orderNum = await buyer.enterAndPay(itemNum, price);
    const stream = await OrderStream.open(api.url, orderNum, bearer(buyer.user.token));
    await stream.nextEvents(1);
    await api.ctx.orderChanges.subscriber.unsubscribe(channel);
    await startWorker();
    await buyer.settled(orderNum, 'PAID');
    expect(stream.events.map((event) => event.order.status)).to.deep.equal(['IN_PROGRESS']);
    // The connection drops; ioredis makes it again and the feed subscribes anew.
    const clients = (await api.ctx.redis.client('LIST')) as string;
    const id = clients.split('\n').find((line) => line.includes(` name=${channel} `))!.match(/^id=(\d+)/)![1];
    await api.ctx.redis.client('KILL', 'ID', id);
    await stream.closed();
    expect(stream.events.map((event) => event.order.status)).to.deep.equal(['IN_PROGRESS', 'PAID']);
  });

  it('When the item has drained for a while, a waiting payment shows etaSeconds from its recent drain rate; null before any rate', async () => {
    const { itemNum, price } = await item(100);
    const first = await buyer.enterAndPay(itemNum, price);
    expect((await buyer.poll(first).expect(200)).body.data).to.include({ placeInLine: 1, etaSeconds: null });
    await startWorker();
    await buyer.settled(first);
    // A rate is measured over at least a second of draining (shared/orders/lua/includes/drain-rate.lua).
    const spanStarted = Date.now();
    await waitFor('a second of the span to pass', () => Date.now() - spanStarted > 1100);
    await buyer.settled(await buyer.enterAndPay(itemNum, price));
    await stopWorker();
    const rate = Number(await api.ctx.redis.hget(redisKeys.itemSaleState(itemNum), 'drainRate'));
    expect(rate).to.be.within(0.3, 3);

    await buyer.enterAndPay(itemNum, price);
    const waiting = await buyer.enterAndPay(itemNum, price);
    const { data } = (await buyer.poll(waiting).expect(200)).body;
    expect(data).to.include({ status: 'IN_PROGRESS', placeInLine: 2, etaSeconds: Math.ceil(2 / rate) });
    const stream = await OrderStream.open(api.url, waiting, bearer(buyer.user.token));
    const [event] = await stream.nextEvents(1);
    expect(event.order).to.deep.equal(data);
    stream.drop();
  });

  describe('with two API processes', () => {
    let apiA: { url: string; process: ServiceProcess };
    let apiB: { url: string; process: ServiceProcess };
    const startApiProcess = async () => {
      const port = await freePort();
      return { url: `http://127.0.0.1:${port}`, process: await ServiceProcess.start('api', { PORT: String(port) }) };
    };
    before(async function () {
      this.timeout(90_000);
      [apiA, apiB] = await Promise.all([startApiProcess(), startApiProcess()]);
    });
    after(async () => {
      await Promise.all([apiA?.process.stop(), apiB?.process.stop()]);
    });

    it('When a stream is open on one process and the payment is made on the other, each process wakes its own: the stream closes on PAID and the wait answers 200', async () => {
      await startWorker();
      const { itemNum, price } = await item();
      const orderNum = await buyer.enter(itemNum, price);
      const stream = await OrderStream.open(apiA.url, orderNum, bearer(buyer.user.token));
      await stream.nextEvents(1);
      const res = await new BuyerClient(apiB.url, buyer.user).pay(orderNum).set('Prefer', 'wait=10').expect(200);
      expect(res.body.data).to.include({ status: 'PAID' });
      await stream.closed();
      const statuses = stream.events.map((event) => event.order.status);
      expect(statuses[0]).to.equal('INITIATED');
      expect(statuses.at(-1)).to.equal('PAID');
      expect(stream.events.at(-1)!.order).to.deep.equal(res.body.data);
    });
  });
});
