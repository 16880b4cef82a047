import { get as httpGet, type ClientRequest, type IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInThisContext } from 'node:vm';
import { expect } from 'chai';
import type { Request } from 'express';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { LINE_EVENT_INTERVAL_MS } from '../shared/orders/line-news';
import { redisKeys } from '../shared/redis-keys';
import type { RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { isolateTestFile } from './support/isolation';
import { keptLogLines, type LogLine } from './support/log-lines';
import { enterInRedis, payInRedis } from '../testkit/orders-in-redis';
import { countMysqlQueries } from './support/mysql-query-counter';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { bearer, OrderStream } from './support/order-stream';
import { TcpProxy } from './support/tcp-proxy';
import { waitFor } from './support/wait';
import { startTestWorker } from './support/worker';

/** A poll held open by Prefer: wait, whose answer the test never waits for. */
function holdWait(baseUrl: string, orderNum: number, token: string): ClientRequest {
  const request = httpGet(`${baseUrl}/api/v1/orders/${orderNum}`, { agent: false, headers: { ...bearer(token), Prefer: 'wait=30' } });
  request.on('error', () => {});
  return request;
}

/** Timers of this process (Node's active resources named Timeout). */
const activeTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('Order stream: GET /orders/{orderNum}/events', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;
  let buyer: BuyerClient;
  let otherBuyer: BuyerClient;
  let worker: RunningWorker | undefined;
  const startWorker = async (env: NodeJS.ProcessEnv = {}) => (worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0', ...env }));
  const open = (orderNum: number, headers: Record<string, string> = {}) => OrderStream.open(api.url, orderNum, { ...bearer(buyer.user.token), ...headers });

  before(async () => {
    api = await startTestApi({ ORDER_STREAM_KEEPALIVE_MS: '100' });
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    buyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
    otherBuyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  after(async () => api.stop());

  it('When someone other than the owner asks, the answer is 401 without a token, also with the token in the query string, and 403 for another buyer', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const orderNum = await buyer.enter(itemNum, price);
    const anonymous = await OrderStream.open(api.url, orderNum);
    expect(anonymous.status).to.equal(401);
    expect((await anonymous.errorBody()).code).to.equal('UNAUTHENTICATED');
    for (const query of [`access_token=${buyer.user.token}`, `token=${buyer.user.token}`]) {
      const tokenInUrl = await OrderStream.open(api.url, orderNum, {}, `/api/v1/orders/${orderNum}/events?${query}`);
      expect(tokenInUrl.status).to.equal(401);
      expect((await tokenInUrl.errorBody()).code).to.equal('UNAUTHENTICATED');
    }
    const stranger = await OrderStream.open(api.url, orderNum, bearer(otherBuyer.user.token));
    expect(stranger.status).to.equal(403);
    expect((await stranger.errorBody()).code).to.equal('FORBIDDEN');
    const missing = await open(99999999);
    expect(missing.status).to.equal(404);
    expect((await missing.errorBody()).code).to.equal('ORDER_NOT_FOUND');
    expect(api.ctx.orderChanges.size).to.equal(0);
  });

  it('When an order is entered, paid and settled, its events arrive in order: the order as GET gives it, IN_PROGRESS with its place, then PAID, and the stream closes', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const orderNum = await buyer.enter(itemNum, price);
    const stream = await open(orderNum);
    expect(stream.status).to.equal(200);
    expect(stream.response.headers['content-type']).to.match(/^text\/event-stream/);
    expect(stream.response.headers['x-request-id']).to.be.a('string');
    const [first] = await stream.nextEvents(1);
    expect(first.order).to.deep.equal((await buyer.poll(orderNum).expect(200)).body.data);
    expect(first.order.status).to.equal('INITIATED');

    await buyer.pay(orderNum).expect(202);
    const [, inLine] = await stream.nextEvents(2);
    expect(inLine.order).to.include({ status: 'IN_PROGRESS', placeInLine: 1, etaSeconds: null });
    expect(inLine.order).to.deep.equal((await buyer.poll(orderNum).expect(200)).body.data);

    await startWorker();
    await stream.closed();
    const settled = stream.events.at(-1)!;
    expect(settled.order).to.include({ status: 'PAID' });
    expect(settled.order).to.deep.equal((await buyer.poll(orderNum).expect(200)).body.data);
    expect(stream.events.map((event) => event.order.status)).to.deep.equal(['INITIATED', 'IN_PROGRESS', 'PAID']);
    const ids = stream.events.map((event) => event.id);
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).to.equal(ids.length);
    await waitFor('the stream to be let go', () => api.ctx.orderChanges.size === 0 && api.ctx.watchQuota.open === 0);
  });

  it('When a batch settles orders recorded by an earlier one, their settled events and GET answers come from their mirrors, history and payment as MySQL has them, without a MySQL query by the API', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 1 });
    const [paid, outOfStock] = [await buyer.enter(itemNum, price), await buyer.enter(itemNum, price)];
    await startWorker();
    await waitFor('both orders recorded in MySQL', async () => (await api.ctx.db('orders').whereIn('id', [paid, outOfStock])).length === 2);

    const settled = new Map<number, unknown>();
    const streams: OrderStream[] = [];
    const queries = await countMysqlQueries(api.ctx.db, async () => {
      for (const orderNum of [paid, outOfStock]) {
        const stream = await open(orderNum);
        await stream.nextEvents(1);
        await buyer.pay(orderNum).expect(202);
        streams.push(stream);
      }
      await Promise.all(streams.map((stream) => stream.closed()));
      for (const orderNum of [paid, outOfStock]) settled.set(orderNum, (await buyer.poll(orderNum).expect(200)).body.data);
    });
    expect(queries).to.equal(0);
    const [paidEvent, outOfStockEvent] = streams.map((stream) => stream.events.at(-1)!.order);
    expect(paidEvent).to.include({ status: 'PAID', reason: null });
    expect(paidEvent.history).to.have.length(3);
    expect(paidEvent.payment).to.include({ status: 'PAID', amount: price, refundedAt: null });
    expect(outOfStockEvent).to.include({ status: 'FAILED_QUANTITY', reason: 'OUT_OF_STOCK', payment: null });
    expect(paidEvent).to.deep.equal(settled.get(paid));
    expect(outOfStockEvent).to.deep.equal(settled.get(outOfStock));
    // Without their mirrors, the answers come from MySQL alone: the same.
    await api.ctx.redis.del(redisKeys.orderMirror(paid), redisKeys.orderMirror(outOfStock));
    expect((await buyer.poll(paid).expect(200)).body.data).to.deep.equal(paidEvent);
    expect((await buyer.poll(outOfStock).expect(200)).body.data).to.deep.equal(outOfStockEvent);
  });

  it('When the line moves, the place in line comes down at most every 500 ms, and the settled order ends it', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 100 });
    const ahead: number[] = [];
    for (let i = 0; i < 30; i += 1) ahead.push(await otherBuyer.enterAndPay(itemNum, price));
    const orderNum = await buyer.enterAndPay(itemNum, price);
    const stream = await open(orderNum);
    const [first] = await stream.nextEvents(1);
    expect(first.order).to.include({ status: 'IN_PROGRESS', placeInLine: 31 });

    // One payment per batch, each a MySQL transaction of its own: the line moves in many small steps.
    await startWorker({ DRAIN_BATCH_SIZE: '1' });
    await stream.closed(30_000);
    const inLine = stream.events.filter((event) => event.order.status === 'IN_PROGRESS');
    const places = inLine.map((event) => event.order.placeInLine!);
    expect(places).to.deep.equal([...places].sort((a, b) => b - a));
    expect(new Set(places).size).to.equal(places.length);
    for (let i = 2; i < inLine.length; i += 1) {
      // Measured where the events arrive: a little slack for the network and the event loop.
      expect(inLine[i].at - inLine[i - 1].at).to.be.at.least(LINE_EVENT_INTERVAL_MS - 50);
    }
    expect(stream.events.at(-1)!.order.status).to.equal('PAID');
  });

  it('When a client resumes with Last-Event-ID, it gets what changed since, without a repeat or a gap', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const orderNum = await buyer.enterAndPay(itemNum, price);
    const before = await open(orderNum);
    const [seen] = await before.nextEvents(1);
    before.drop();

    const resumed = await open(orderNum, { 'Last-Event-ID': String(seen.id) });
    expect(resumed.status).to.equal(200);
    await startWorker();
    await resumed.closed();
    expect(resumed.events.map((event) => event.order.status)).to.deep.equal(['PAID']);
    const settled = resumed.events[0];
    expect(settled.id).to.be.greaterThan(seen.id);

    const late = await open(orderNum, { 'Last-Event-ID': String(seen.id) });
    await late.closed();
    expect(late.events).to.deep.equal([{ ...settled, at: late.events[0].at }]);
    const upToDate = await open(orderNum, { 'Last-Event-ID': String(settled.id) });
    await upToDate.closed();
    expect(upToDate.events).to.deep.equal([]);
  });

  it('When a stream stays open, a comment line comes every ORDER_STREAM_KEEPALIVE_MS (15 s by default), and the stream is timed in the latency histogram only until it opened', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const orderNum = await buyer.enterAndPay(itemNum, price);
    const stream = await open(orderNum);
    await waitFor('three keep-alive comments', () => stream.comments >= 3);
    await startWorker();
    await stream.closed();
    const histogram = await api.ctx.metrics.registry.getSingleMetricAsString('http_request_duration_seconds');
    const streamSum = histogram.split('\n').find((line) => line.startsWith('http_request_duration_seconds_sum{') && line.includes('route="/api/v1/orders/:orderNum/events"') && line.includes('status_code="200"'));
    expect(streamSum, 'the stream is counted in the histogram').to.not.equal(undefined);
    // Several streams of this file lived for over 300 ms each; opening one takes a few.
    expect(Number(streamSum!.slice(streamSum!.lastIndexOf(' ') + 1))).to.be.below(0.3);
  });

  it('When a buyer holds 5 open streams and waits, a sixth gets 429 TOO_MANY_ORDER_WATCHES with Retry-After; another buyer still gets one', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const orders = [];
    for (let i = 0; i < 6; i += 1) orders.push(await buyer.enter(itemNum, price));
    const streams = await Promise.all(orders.slice(0, 5).map((orderNum) => open(orderNum)));
    expect(streams.map((stream) => stream.status)).to.deep.equal([200, 200, 200, 200, 200]);
    const sixth = await open(orders[5]);
    expect(sixth.status).to.equal(429);
    expect(sixth.response.headers['retry-after']).to.match(/^\d+$/);
    expect((await sixth.errorBody()).code).to.equal('TOO_MANY_ORDER_WATCHES');
    const others = await OrderStream.open(api.url, await otherBuyer.enter(itemNum, price), bearer(otherBuyer.user.token));
    expect(others.status).to.equal(200);
    for (const stream of [...streams, others]) stream.drop();
    await waitFor('the streams to be let go', () => api.ctx.watchQuota.open === 0);
  });

  describe('what an open stream keeps in memory (DESIGN §8: 10,000 streams, 10 KB each)', () => {
    let logged: RunningApi;
    let logLines: LogLine[];
    const requests: Request[] = [];
    before(async () => {
      const log = keptLogLines('info');
      logLines = log.lines;
      logged = await startTestApi({}, log.logger);
      logged.server.on('request', (req: IncomingMessage) => requests.push(req as Request));
    });
    after(async () => logged.stop());

    it('When a stream is open, its request holds neither the bearer token nor its parsed URL, path parameters or caller, its response no copy of the headers it sent, and the access log still names it when it ends', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orderNum = await buyer.enterAndPay(itemNum, price);
      const stream = await OrderStream.open(logged.url, orderNum, { ...bearer(buyer.user.token), 'X-Request-Id': 'open-stream-1' });
      await stream.nextEvents(1);
      const held = requests.find((req) => req.originalUrl === `/api/v1/orders/${orderNum}/events`) as (Request & { _parsedUrl?: unknown }) | undefined;
      expect(held, 'the stream\'s request').to.not.equal(undefined);
      expect(JSON.stringify([held!.headers, held!.rawHeaders])).to.not.include(buyer.user.token);
      expect(held!.params).to.deep.equal({});
      expect(held!.principal).to.equal(undefined);
      expect(held!._parsedUrl).to.equal(undefined);
      expect(held!.res!.headersSent).to.equal(true);
      expect(held!.res!.getHeaders(), 'no copy of the headers sent').to.deep.equal({});
      stream.drop();
      const line = await waitFor('the access log line of the stream', () => logLines.find((entry) => entry.reqId === 'open-stream-1'));
      expect(line).to.include({ msg: 'request completed', method: 'GET', url: `/api/v1/orders/${orderNum}/events`, statusCode: 200 });
    });

    it('When requests of the same kind come in, they share their hidden classes (Express does not give each request and response a shape of its own)', async () => {
      setFlagsFromString('--allow-natives-syntax');
      const haveSameMap = runInThisContext('(a, b) => %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
      requests.length = 0;
      for (let i = 0; i < 3; i += 1) await request(logged.url).get('/health').expect(200);
      const [, second, third] = requests;
      expect(haveSameMap(second, third), 'requests share their map').to.equal(true);
      expect(haveSameMap(second.res!, third.res!), 'responses share their map').to.equal(true);
    });
  });

  describe('with a process cap of 3 and many streams per buyer', () => {
    let small: RunningApi;
    before(async () => {
      small = await startTestApi({ ORDER_WATCHES_PER_PROCESS: '3', ORDER_WATCHES_PER_BUYER: '1000' });
    });
    after(async () => small.stop());

    it('When the process holds as many as it may, the next stream gets 503 ORDER_WATCHES_AT_CAPACITY with Retry-After, and so do a poll and a payment asking to wait (the payment not started)', async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orderNum = await buyer.enterAndPay(itemNum, price);
      const streams = await Promise.all([1, 2, 3].map(() => OrderStream.open(small.url, orderNum, bearer(buyer.user.token))));
      const fourth = await OrderStream.open(small.url, orderNum, bearer(buyer.user.token));
      expect(fourth.status).to.equal(503);
      expect(fourth.response.headers['retry-after']).to.match(/^\d+$/);
      expect((await fourth.errorBody()).code).to.equal('ORDER_WATCHES_AT_CAPACITY');
      const onSmall = new BuyerClient(small.url, buyer.user);
      const poll = await onSmall.poll(orderNum).set('Prefer', 'wait=30').expect(503);
      expect(poll.headers['retry-after']).to.match(/^\d+$/);
      expect(poll.body.code).to.equal('ORDER_WATCHES_AT_CAPACITY');
      const unpaid = await buyer.enter(itemNum, price);
      const payment = await onSmall.pay(unpaid).set('Prefer', 'wait=30').expect(503);
      expect(payment.body.code).to.equal('ORDER_WATCHES_AT_CAPACITY');
      expect((await buyer.poll(unpaid).expect(200)).body.data).to.include({ status: 'INITIATED' });
      for (const stream of streams) stream.drop();
    });
  });

  describe('with 1,000 clients', () => {
    let roomy: RunningApi;
    before(async () => {
      roomy = await startTestApi({ ORDER_WATCHES_PER_BUYER: '2000' });
    });
    after(async () => roomy.stop());

    it('When 1,000 streams and 1,000 waits are opened and dropped, no watcher, timer or slot is left', async function () {
      this.timeout(60_000);
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orderNum = await buyer.enterAndPay(itemNum, price);
      const timersBefore = activeTimers();
      const streams = await Promise.all(Array.from({ length: 1000 }, () => OrderStream.open(roomy.url, orderNum, bearer(buyer.user.token))));
      expect(streams.every((stream) => stream.status === 200)).to.equal(true);
      const waits = Array.from({ length: 1000 }, () => holdWait(roomy.url, orderNum, buyer.user.token));
      await waitFor('every wait to be held', () => roomy.ctx.openWatches.waitCount === 1000, 30_000);
      expect(roomy.ctx.orderChanges.size).to.equal(2000);
      expect(roomy.ctx.watchQuota.open).to.equal(2000);

      for (const stream of streams) stream.drop();
      for (const wait of waits) wait.destroy();
      await waitFor('every watcher to be let go', () => roomy.ctx.orderChanges.size === 0, 30_000);
      expect(roomy.ctx.orderChanges.itemsWatched).to.equal(0);
      expect(roomy.ctx.watchQuota.open).to.equal(0);
      expect(roomy.ctx.openWatches.streamCount).to.equal(0);
      expect(roomy.ctx.openWatches.waitCount).to.equal(0);
      await waitFor('the timers to be gone', () => activeTimers() <= timersBefore, 5_000);
    });
  });

  describe('with MySQL reached through a proxy the test cuts', () => {
    let proxy: TcpProxy;
    let proxied: RunningApi;
    let logLines: LogLine[];
    before(async () => {
      const mysql = await TcpProxy.inFrontOfTestMysql();
      proxy = mysql.proxy;
      const log = keptLogLines('warn');
      logLines = log.lines;
      proxied = await startTestApi({ DATABASE_URL: mysql.databaseUrl, ORDER_WATCHES_PER_BUYER: '1000' }, log.logger);
    });
    after(async () => {
      proxy?.restore();
      await proxied?.stop();
      await proxy?.close();
    });

    /**
     * Orders recorded in MySQL whose mirrors Redis then lost, put back from MySQL by a worker's start
     * (reconciliation) without their history: once settled, they are read from MySQL.
     */
    async function recordedWithMirrorsRestored(orderNums: number[]): Promise<void> {
      const recorder = await startTestWorker();
      await waitFor('the orders recorded in MySQL', async () => (await api.ctx.db('orders').whereIn('id', orderNums)).length === orderNums.length);
      await recorder.stop();
      await api.ctx.redis.del(...orderNums.map(redisKeys.orderMirror));
      await (await startTestWorker()).stop();
    }

    it('When a mirror lacks the settled order\'s history and the one read of it fails (MySQL away for a moment), it is tried again and the stream still ends with its settled event as MySQL has it', async function () {
      this.timeout(30_000);
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
      const orderNum = await buyer.enter(itemNum, price);
      await recordedWithMirrorsRestored([orderNum]);
      await buyer.pay(orderNum).expect(202);
      const stream = await OrderStream.open(proxied.url, orderNum, bearer(buyer.user.token));
      const [first] = await stream.nextEvents(1);
      expect(first.order).to.include({ status: 'IN_PROGRESS' });

      // The worker reaches MySQL directly: it settles the order while the stream's API cannot read it.
      proxy.cut();
      await startWorker();
      await waitFor('the settled order read to fail', () => logLines.some((line) => line.msg === 'watched orders not read; retrying'));
      proxy.restore();
      await stream.closed();
      expect(stream.events.map((event) => event.order.status)).to.deep.equal(['IN_PROGRESS', 'PAID']);
      expect(stream.events.at(-1)!.order.history).to.have.length(3);
      expect(stream.events.at(-1)!.order).to.deep.equal((await buyer.poll(orderNum).expect(200)).body.data);
      expect(logLines.map((line) => line.msg)).to.not.include('watched orders could not be read');
    });

    it('When mirrors lack their settled orders\' history and the line drains in many small batches while MySQL is away for a moment, every stream is told its settled order, read in a few shared reads rather than one per stream', async function () {
      this.timeout(60_000);
      const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 300 });
      const orderNums: number[] = [];
      for (let i = 0; i < 300; i += 1) orderNums.push(await enterInRedis(proxied.ctx.config, proxied.ctx.redis, item, buyer.user));
      await recordedWithMirrorsRestored(orderNums);
      for (const orderNum of orderNums) await payInRedis(proxied.ctx.config, proxied.ctx.redis, orderNum, buyer.user);
      const streams = await Promise.all(orderNums.map((orderNum) => OrderStream.open(proxied.url, orderNum, bearer(buyer.user.token))));
      await Promise.all(streams.map((stream) => stream.nextEvents(1)));

      // Ten orders a batch, settled by a worker that reaches MySQL directly while the streams' API cannot read them.
      logLines.length = 0;
      proxy.cut();
      await startWorker({ DRAIN_BATCH_SIZE: '20' });
      await buyer.settled(orderNums.at(-1)!);
      await waitFor('the settled orders read to fail', () => logLines.some((line) => line.msg === 'watched orders not read; retrying'));
      const queries = await countMysqlQueries(proxied.ctx.db, async () => {
        proxy.restore();
        await Promise.all(streams.map((stream) => stream.closed(30_000)));
      });
      expect(streams.filter((stream) => stream.events.at(-1)?.order.status !== 'PAID')).to.have.length(0);
      expect(streams.at(-1)!.events.at(-1)!.order).to.deep.equal((await buyer.poll(orderNums.at(-1)!).expect(200)).body.data);
      // Two queries a read (histories, payments); one read per stream would be 600.
      expect(queries).to.be.below(100);
      expect(proxied.ctx.orderChanges.size).to.equal(0);
    });
  });
});
