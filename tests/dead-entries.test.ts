import { Writable } from 'node:stream';
import { expect } from 'chai';
import pino from 'pino';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { redisKeys } from '../shared/redis-keys';
import { issueAccessToken } from '../shared/users/access-tokens';
import { startWorker, type RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { testConfig } from './support/test-env';
import { waitFor } from './support/wait';
import { isolateTestFile } from './support/isolation';

const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'a-long-operator-password' };
const ADMIN_AUTH = `Basic ${Buffer.from(`${ADMIN.ADMIN_USER}:${ADMIN.ADMIN_PASSWORD}`).toString('base64')}`;

interface DeadOrder {
  itemNum: number;
  orderNum: number;
  entries: string[];
  error: string;
}

interface LogLine {
  level: number;
  msg: string;
  orderNum?: number;
  itemNum?: number;
  cause?: string;
}

/** A worker in this process whose log lines are kept. */
async function startLoggedWorker(): Promise<{ worker: RunningWorker; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const config = testConfig({ PAYMENT_FAILURE_RATE: '0' });
  return { worker: await startWorker(config, pino({ level: 'info' }, sink)), lines };
}

describe('A line entry that cannot apply', function () {
  isolateTestFile(__filename);
  this.timeout(60_000);
  let api: RunningApi;
  let worker: RunningWorker | undefined;
  let seller: TestUser;
  let buyers: BuyerClient[];

  before(async () => {
    api = await startTestApi(ADMIN);
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    buyers = await Promise.all(Array.from({ length: 5 }, async () => new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'))));
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  after(async () => api.stop());

  const admin = () => request(api.url);
  const deadOrders = async (itemNum: number) => {
    const listed = (await admin().get('/admin/dead-entries').set('Authorization', ADMIN_AUTH).expect(200)).body.data.deadOrders as DeadOrder[];
    return listed.filter((dead) => dead.itemNum === itemNum);
  };
  const statusInMysql = async (orderNum: number) => (await api.ctx.db('orders').where({ id: orderNum }).first())?.status as string | undefined;
  const inflight = async (itemNum: number) => Number(await api.ctx.redis.hget(redisKeys.itemSaleState(itemNum), 'inflight'));

  it('When one entry fails for a reason that is not transient, it is isolated: the entries around it apply in line order, it moves to the dead-letter list with its error (logged at error level, counted), and a retry applies it once the cause is mended', async () => {
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 10 });
    // A buyer MySQL does not know (a valid token of an account gone from MySQL): its order can't be written.
    const [{ highest }] = await api.ctx.db('users').max({ highest: 'id' });
    const ghostNum = Number(highest) + 1000;
    const ghost = new BuyerClient(api.url, { userNum: ghostNum, role: 'BUYER', token: issueAccessToken(api.ctx.config, { userNum: ghostNum, role: 'BUYER' }).accessToken });

    // The whole line waits while no worker runs, so that the worker meets the bad entry inside a batch.
    const first = await buyers[0].enterAndPay(item.itemNum, item.price);
    const poisoned = await ghost.enterAndPay(item.itemNum, item.price);
    const second = await buyers[1].enterAndPay(item.itemNum, item.price);
    const third = await buyers[2].enter(item.itemNum, item.price);
    const logged = await startLoggedWorker();
    worker = logged.worker;

    await waitFor('the entries around it to apply', async () => (await statusInMysql(second)) === 'PAID' && (await statusInMysql(third)) === 'INITIATED');
    expect(await statusInMysql(first)).to.equal('PAID');
    expect(await statusInMysql(poisoned)).to.equal(undefined);
    expect(await auditItemInvariants(api.ctx.db, item.itemNum, [first, second])).to.deep.equal([]);
    await waitFor('the line to empty', async () => (await api.ctx.redis.llen(redisKeys.itemLine(item.itemNum))) === 0);

    const [dead] = await deadOrders(item.itemNum);
    expect(dead).to.include({ itemNum: item.itemNum, orderNum: poisoned });
    expect(dead.entries.map((entry) => entry.slice(0, 2))).to.deep.equal(['r:', 'p:']);
    expect(dead.error).to.match(/^ER_NO_REFERENCED_ROW_2: .*foreign key/i);
    const errors = logged.lines.filter((line) => line.level === 50 && line.msg === 'line entry moved to the dead-letter list');
    expect(errors.map(({ orderNum, itemNum, cause }) => ({ orderNum, itemNum, cause }))).to.deep.equal([
      { orderNum: poisoned, itemNum: item.itemNum, cause: 'failed' },
      { orderNum: poisoned, itemNum: item.itemNum, cause: 'follows-dead-order' },
    ]);
    const counted = await worker.metrics.registry.getSingleMetricAsString('line_entries_dead_total');
    expect(counted).to.match(/^line_entries_dead_total\{cause="failed"[^}]*\} 1$/m).and.match(/^line_entries_dead_total\{cause="follows-dead-order"[^}]*\} 1$/m);
    // Its payment may still take a unit: the item is not final while it waits.
    expect(await inflight(item.itemNum)).to.equal(1);

    await admin().get('/admin/dead-entries').expect(401);
    await admin().post(`/admin/dead-entries/${item.itemNum}/${poisoned}/retry`).expect(401);
    await api.ctx.db('users').insert({ id: ghostNum, email: `ghost-${ghostNum}@test.local`, name: 'back in MySQL', password_hash: 'not-a-real-hash', role: 'BUYER' });
    const retried = await admin().post(`/admin/dead-entries/${item.itemNum}/${poisoned}/retry`).set('Authorization', ADMIN_AUTH).expect(200);
    expect(retried.body.data).to.deep.equal({ itemNum: item.itemNum, orderNum: poisoned, requeued: 2 });
    expect((await ghost.settled(poisoned)).status).to.equal('PAID');
    expect(await deadOrders(item.itemNum)).to.deep.equal([]);
    expect(await inflight(item.itemNum)).to.equal(0);
    // Exactly once and no oversell hold; the retried payment settled after those that overtook it while it was dead.
    const violations = await auditItemInvariants(api.ctx.db, item.itemNum, [first, second, poisoned]);
    expect(violations).to.have.length(1);
    expect(violations[0]).to.match(new RegExp(`^order ${poisoned} \\(arrival \\d+\\) settled after arrival \\d+$`));
    await admin().post(`/admin/dead-entries/${item.itemNum}/${poisoned}/retry`).set('Authorization', ADMIN_AUTH).expect(404);
  });

  it('When an operator cancels a dead order, it is CANCELED in MySQL (one history row) and to its buyer, its units leave the in-flight count, and its buyer holds them no more', async () => {
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 5 });
    worker = (await startLoggedWorker()).worker;
    const [buyer, other] = [buyers[3], buyers[4]];
    const paid = await other.enterAndPay(item.itemNum, item.price);
    await other.settled(paid, 'PAID');
    const order = await buyer.enter(item.itemNum, item.price);
    await waitFor('the order in MySQL', async () => (await statusInMysql(order)) === 'INITIATED');
    // A Redis that lost its arrival counter hands out a place in line MySQL already holds: a payment that can never apply.
    await api.ctx.redis.hset(redisKeys.itemSaleState(item.itemNum), 'arrivals', '0');
    await buyer.pay(order).expect(202);
    await waitFor('the payment to be dead', async () => (await deadOrders(item.itemNum)).some((dead) => dead.orderNum === order));
    expect((await buyer.poll(order).expect(200)).body.data.status).to.equal('IN_PROGRESS');
    expect(await inflight(item.itemNum)).to.equal(1);
    const heldUnits = () => api.ctx.redis.hgetall(redisKeys.itemHeldUnits(item.itemNum));
    expect(await heldUnits()).to.deep.equal({ [buyer.user.userNum]: '1', [other.user.userNum]: '1' });

    const canceled = await admin().post(`/admin/dead-entries/${item.itemNum}/${order}/cancel`).set('Authorization', ADMIN_AUTH).expect(200);
    expect(canceled.body.data).to.deep.equal({ itemNum: item.itemNum, orderNum: order, status: 'CANCELED', unitsReleased: 1 });
    expect(await statusInMysql(order)).to.equal('CANCELED');
    const history = await api.ctx.db('order_histories').where({ order_id: order }).orderBy('id').select('to_status', 'reason');
    expect(history).to.deep.equal([
      { to_status: 'INITIATED', reason: null },
      { to_status: 'CANCELED', reason: 'CANCELED_BY_OPERATOR' },
    ]);
    expect((await buyer.poll(order).expect(200)).body.data.status).to.equal('CANCELED');
    expect(await inflight(item.itemNum)).to.equal(0);
    expect(await heldUnits()).to.deep.equal({ [other.user.userNum]: '1' });
    expect(Number((await api.ctx.db('stocks').where({ item_id: item.itemNum }).first()).quantity)).to.equal(4);
    expect(await deadOrders(item.itemNum)).to.deep.equal([]);
    await admin().post(`/admin/dead-entries/${item.itemNum}/${order}/cancel`).set('Authorization', ADMIN_AUTH).expect(404);
  });
});
