import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { RunningApi } from '../api/server';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { redisKeys } from '../shared/redis-keys';
import type { RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { orderRequest, probeEvery, steadyBuyers, timedRequest, type Answer } from './support/outage-traffic';
import { OwnRedisServer } from './support/redis-server';
import { waitFor } from './support/wait';
import { startTestWorker } from './support/worker';
import { isolateTestFile } from './support/isolation';

const OUTAGE_MS = 10_000;
const SETTLED = ['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED'];

describe('Redis fails under a spike and comes back', function () {
  isolateTestFile(__filename);
  this.timeout(120_000);
  let redis: OwnRedisServer;
  let api: RunningApi;
  let worker: RunningWorker;
  let seller: TestUser;
  let buyers: TestUser[];

  before(async () => {
    // A redis-server of this test's own, persisting every write before acknowledging it.
    redis = await OwnRedisServer.start('always');
    const env = { REDIS_URL: redis.url, PAYMENT_FAILURE_RATE: '0' };
    api = await startTestApi(env);
    worker = await startTestWorker(env);
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    buyers = await Promise.all(Array.from({ length: 20 }, () => insertUser(api.ctx.db, api.ctx.config, 'BUYER')));
  });
  after(async () => {
    await worker?.stop();
    await api?.stop();
    await redis?.stop();
  });

  const settledCount = async (orderNums: number[]) =>
    Number((await api.ctx.db('orders').whereIn('id', orderNums).whereIn('status', SETTLED).count({ n: '*' }))[0].n);

  it('When Redis is SIGKILLed mid-spike and restarted from its AOF 10 s later, every request meanwhile is refused with 503 REDIS_UNAVAILABLE and Retry-After within 2 s, /ready names redis while /health stays up, orders are taken again within 5 s, workers drain again without a restart, and every order acknowledged 200/202 settles in MySQL', async () => {
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 100_000 });
    const probeItem = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 100_000 });
    const spike = steadyBuyers(api.url, buyers.slice(1), item);
    await waitFor('the spike to be settling', async () => (await settledCount(spike.acknowledged.paying)) >= 50, 20_000, 50);

    await redis.kill();
    const killedAt = Date.now();
    const orders = probeEvery(100, () => timedRequest(`${api.url}/api/v1/orders`, orderRequest(buyers[0], probeItem)));
    const ready = probeEvery(500, () => timedRequest(`${api.url}/ready`));
    const health = probeEvery(500, () => timedRequest(`${api.url}/health`));
    await sleep(OUTAGE_MS);
    // The service may take orders again before restart() has seen Redis answer (its own probe
    // waits on this busy event loop): the outage surely lasts until the restart begins.
    const restartingAt = Date.now();
    await redis.restart();
    const backAt = Date.now();
    await waitFor('an order to be taken again', () => orders.answers.some((answer) => answer.status === 200 && answer.sentAt >= backAt), 8000, 50);
    await sleep(500);
    const [orderAnswers, readyAnswers, healthAnswers, acknowledged] = await Promise.all([orders.stop(), ready.stop(), health.stop(), spike.stop()]);

    const during = (answers: Answer[]) => answers.filter((answer) => answer.sentAt >= killedAt && answer.sentAt + answer.ms < restartingAt);
    expect(orderAnswers.length).to.be.at.least(OUTAGE_MS / 100 - 10);
    expect(orderAnswers.filter((answer) => answer.ms > 2000 || answer.status === 0)).to.deep.equal([]);
    for (const answer of during(orderAnswers)) {
      expect(answer).to.include({ status: 503, code: 'REDIS_UNAVAILABLE' });
      expect(Number(answer.retryAfter)).to.be.at.least(1);
    }
    const firstTaken = orderAnswers.find((answer) => answer.status === 200 && answer.sentAt >= backAt)!;
    expect(firstTaken.sentAt + firstTaken.ms - backAt).to.be.at.most(5000);

    expect(during(readyAnswers)).to.have.length.at.least(10);
    for (const answer of during(readyAnswers)) {
      expect(answer).to.include({ status: 503, code: 'NOT_READY' });
      expect(answer.body.data).to.include({ redis: 'down', mysql: 'up' });
      expect(answer.ms).to.be.below(2000);
    }
    expect(healthAnswers.map((answer) => answer.status)).to.satisfy((statuses: number[]) => statuses.every((status) => status === 200));

    // The spike's own requests: none hung, none failed otherwise than with the refusal.
    expect(acknowledged.answers.filter((answer) => answer.ms > 2000 || ![200, 202, 503].includes(answer.status))).to.deep.equal([]);
    expect(acknowledged.answers.some((answer) => answer.status === 503)).to.equal(true);

    await waitFor('every acknowledged payment to settle', async () => (await settledCount(acknowledged.paying)) === acknowledged.paying.length, 30_000, 100);
    expect(await auditItemInvariants(api.ctx.db, item.itemNum, acknowledged.paying)).to.deep.equal([]);
    const recorded = await api.ctx.db('orders').whereIn('id', acknowledged.entered).count({ n: '*' });
    expect(Number(recorded[0].n)).to.equal(acknowledged.entered.length);
  });

  it('When Redis comes back without its data, the running service rebuilds it from MySQL: orders are taken again with numbers above MySQL\'s, an INITIATED order can still be paid, a deleted account stays refused, and the stock gate is MySQL\'s', async () => {
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 5 });
    const [payer, waiter, late] = buyers.slice(1, 4).map((buyer) => new BuyerClient(api.url, buyer));
    const paid = await payer.enterAndPay(item.itemNum, item.price);
    const waiting = await waiter.enter(item.itemNum, item.price);
    await waitFor('both orders in MySQL', async () => {
      const rows: { id: number; status: string }[] = await api.ctx.db('orders').whereIn('id', [paid, waiting]).select('id', 'status');
      return rows.length === 2 && rows.every((row) => (Number(row.id) === paid ? row.status === 'PAID' : row.status === 'INITIATED'));
    });
    const gone = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    await new BuyerClient(api.url, gone).list().expect(200);
    const deleted = await fetch(`${api.url}/api/v1/users/delete/${gone.userNum}`, { method: 'DELETE', headers: { Authorization: `Bearer ${gone.token}` } });
    expect(deleted.status).to.equal(200);
    const [{ highest }] = await api.ctx.db('orders').max({ highest: 'id' });

    await redis.restart({ empty: true });
    const taken = await waitFor(
      'an order to be taken',
      async () => {
        const answer = await timedRequest(`${api.url}/api/v1/orders`, orderRequest(late.user, item));
        return answer.status === 200 ? answer : undefined;
      },
      5000,
      100,
    );
    expect(taken.body.data!.orderNum).to.be.above(Number(highest));

    await waiter.pay(waiting).expect(202);
    expect((await waiter.settled(waiting)).status).to.equal('PAID');
    const refused = await timedRequest(`${api.url}/api/v1/orders`, orderRequest(gone, item));
    expect(refused).to.include({ status: 401, code: 'ACCOUNT_DELETED' });
    const stock = await api.ctx.db('stocks').where({ item_id: item.itemNum }).first();
    expect(await api.ctx.redis.hget(redisKeys.itemSaleState(item.itemNum), 'stock')).to.equal(String(stock.quantity));
  });
});
