import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { RunningApi } from '../api/server';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { createDb, type Db } from '../shared/db';
import type { RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { probeEvery, steadyBuyers, timedRequest, type Answer } from './support/outage-traffic';
import { TcpProxy } from './support/tcp-proxy';
import { testConfig } from './support/test-env';
import { waitFor } from './support/wait';
import { startTestWorker } from './support/worker';
import { isolateTestFile } from './support/isolation';

const OUTAGE_MS = 8000;
const SETTLED = ['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED'];

describe('MySQL becomes unreachable under a spike and comes back', function () {
  isolateTestFile(__filename);
  this.timeout(120_000);
  let proxy: TcpProxy;
  let api: RunningApi;
  let worker: RunningWorker;
  // The test's own view of MySQL, around the proxy.
  let db: Db;
  let seller: TestUser;
  let buyers: TestUser[];

  before(async () => {
    const mysql = await TcpProxy.inFrontOfTestMysql();
    proxy = mysql.proxy;
    const env = { DATABASE_URL: mysql.databaseUrl };
    api = await startTestApi(env);
    worker = await startTestWorker(env);
    db = createDb(testConfig());
    seller = await insertUser(db, api.ctx.config, 'SELLER');
    buyers = await Promise.all(Array.from({ length: 20 }, () => insertUser(db, api.ctx.config, 'BUYER')));
  });
  after(async () => {
    proxy?.restore();
    await worker?.stop();
    await api?.stop();
    await db?.destroy();
    await proxy?.close();
  });

  const settledCount = async (orderNums: number[]) => Number((await db('orders').whereIn('id', orderNums).whereIn('status', SETTLED).count({ n: '*' }))[0].n);

  it('When MySQL is cut for 8 s mid-spike, order intake keeps answering from Redis, routes that need MySQL answer 503 MYSQL_UNAVAILABLE with Retry-After within 2 s, /ready names mysql while /health stays up, and once it is back every order settles with nothing half-written', async () => {
    const item = await insertItem(db, api.ctx.redis, seller.userNum, { stock: 300 });
    const [underWay, initiated] = buyers.slice(0, 2).map((buyer) => new BuyerClient(api.url, buyer));
    const spike = steadyBuyers(api.url, buyers.slice(2), item);
    await waitFor('the spike to be settling', async () => (await settledCount(spike.acknowledged.paying)) >= 30, 20_000, 50);

    proxy.cut();
    const cutAt = Date.now();
    const browse = probeEvery(200, () => timedRequest(`${api.url}/api/v1/items?size=5`));
    let attempt = 0;
    const login = probeEvery(500, () =>
      timedRequest(`${api.url}/api/v1/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        // A new address each time: the per-address login limit is not what this test is about.
        body: JSON.stringify({ email: `someone-${cutAt}-${attempt++}@example.com`, password: 'a-password-of-someone' }),
      }),
    );
    const ready = probeEvery(500, () => timedRequest(`${api.url}/ready`));
    const health = probeEvery(500, () => timedRequest(`${api.url}/health`));
    // Intake while MySQL is away: enter, pay and poll an order under way, enter and cancel another.
    const paying = await underWay.enterAndPay(item.itemNum, item.price);
    const polled = await underWay.poll(paying).expect(200);
    expect(polled.body.data).to.include({ status: 'IN_PROGRESS' });
    const canceled = await initiated.enter(item.itemNum, item.price);
    await initiated.cancel(canceled).expect(200);
    await sleep(OUTAGE_MS - (Date.now() - cutAt));
    proxy.restore();
    const backAt = Date.now();
    const [browsing, logins, readiness, healthiness] = await Promise.all([browse.stop(), login.stop(), ready.stop(), health.stop()]);
    await waitFor('browsing to work again', async () => (await timedRequest(`${api.url}/api/v1/items?size=5`)).status === 200, 5000, 100);
    const acknowledged = await spike.stop();

    const during = (answers: Answer[]) => answers.filter((answer) => answer.sentAt >= cutAt && answer.sentAt + answer.ms < backAt);
    for (const answers of [browsing, logins]) {
      expect(during(answers)).to.have.length.at.least(10);
      for (const answer of during(answers)) {
        expect(answer).to.include({ status: 503, code: 'MYSQL_UNAVAILABLE' });
        expect(Number(answer.retryAfter)).to.be.at.least(1);
        expect(answer.ms).to.be.below(2000);
      }
    }
    for (const answer of during(readiness)) {
      expect(answer).to.include({ status: 503, code: 'NOT_READY' });
      expect(answer.body.data).to.include({ mysql: 'down', redis: 'up' });
      expect(answer.ms).to.be.below(2000);
    }
    expect(healthiness.every((answer) => answer.status === 200)).to.equal(true);

    // Intake unaffected: every entry and payment of the spike was taken, none slow, none refused.
    const duringSpike = during(acknowledged.answers);
    expect(duringSpike.length).to.be.at.least(20);
    expect(acknowledged.answers.filter((answer) => answer.ms > 2000 || ![200, 202, 409].includes(answer.status))).to.deep.equal([]);

    const everyPayment = [...acknowledged.paying, paying];
    await waitFor('every acknowledged payment to settle', async () => (await settledCount(everyPayment)) === everyPayment.length, 30_000, 100);
    expect(await auditItemInvariants(db, item.itemNum, everyPayment)).to.deep.equal([]);
    const cancelRow = await db('orders').where({ id: canceled }).first();
    expect(cancelRow.status).to.equal('CANCELED');
    const history = await db('order_histories').where({ order_id: canceled }).orderBy('id').select('to_status');
    expect(history.map((row: { to_status: string }) => row.to_status)).to.deep.equal(['INITIATED', 'CANCELED']);
  });
});
