import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { Redis } from 'ioredis';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { orderScripts } from '../shared/orders/order-scripts';
import { admitInRedis } from '../shared/orders/place-order';
import { readRedisClock } from '../shared/redis-clock';
import { hashPassword } from '../shared/users/passwords';
import { BuyerClient } from './support/buyer-client';
import { skewedClockEnv } from './support/faketime';
import { freePort } from './support/free-port';
import { isolateTestFile } from './support/isolation';
import { countMysqlQueries } from './support/mysql-query-counter';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { OwnRedisServer } from './support/redis-server';
import { ServiceProcess } from './support/service-processes';
import { startTestApi } from './support/api';
import { waitFor } from './support/wait';

const HOUR = 3_600_000;

/** How far the process's own clock is from the test's, as its HTTP Date header says (whole seconds). */
async function clockSkewOf(baseUrl: string): Promise<number> {
  const res = await request(baseUrl).get('/health').expect(200);
  return Date.parse(res.headers.date) - Date.now();
}

interface Attempt {
  api: 'fast' | 'true';
  code: string;
  /** Redis's clock just after the answer came back. */
  answeredBy: number;
  createdAt?: number;
}

describe("One clock: the opening second is judged by Redis's clock, whatever the API hosts' clocks say", () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;
  before(async () => {
    api = await startTestApi();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
  });
  after(async () => api.stop());

  it("When a page asks GET /api/v1/time, it gets Redis's clock in ms (and ISO), never cached, without MySQL", async () => {
    let res: request.Response | undefined;
    const before = await readRedisClock(api.ctx.redis);
    const queries = await countMysqlQueries(api.ctx.db, async () => {
      res = await request(api.url).get('/api/v1/time').expect(200);
    });
    const after = await readRedisClock(api.ctx.redis);
    const { epochMs, serverTime } = res!.body.data;
    expect(queries).to.equal(0);
    expect(epochMs).to.be.within(before, after);
    expect(Date.parse(serverTime)).to.equal(epochMs);
    expect(res!.headers['cache-control']).to.equal('no-store');
  });

  it('When items are browsed, each view carries serverTime from the same clock and its saleStatus is judged at it', async () => {
    const now = await readRedisClock(api.ctx.redis);
    const { itemNum } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { availableAt: new Date(now + HOUR) });
    const detail = (await request(api.url).get(`/api/v1/items/${itemNum}`).expect(200)).body.data;
    const listed = (await request(api.url).get('/api/v1/items?size=1').expect(200)).body.data.items[0];
    const after = await readRedisClock(api.ctx.redis);
    for (const view of [detail, listed]) {
      expect(view).to.include({ itemNum, saleStatus: 'UPCOMING' });
      expect(Date.parse(view.serverTime)).to.be.within(now, after);
    }
  });

  it('When an order is admitted, its creation time is the Redis clock of that step, the one GET /time reads', async () => {
    const buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const caller = { userNum: buyer.userNum, role: 'BUYER' as const, issuedAtMs: Date.now() };
    const before = await readRedisClock(api.ctx.redis);
    const reply = await admitInRedis(api.ctx, { caller, buyerNum: buyer.userNum, itemNum, quantity: 1, price });
    const after = await readRedisClock(api.ctx.redis);
    if (reply.outcome !== 'OK') throw new Error(reply.outcome);
    expect(reply.createdAtMs).to.be.within(before, after);
  });

  describe('with an API on a Redis server of its own', () => {
    let redisServer: OwnRedisServer;
    let ownApi: RunningApi;
    before(async () => {
      redisServer = await OwnRedisServer.start();
      ownApi = await startTestApi({ REDIS_URL: redisServer.url });
    });
    after(async () => {
      await ownApi?.stop();
      await redisServer?.stop();
    });

    it("When a buyer enters an order, reading Redis's clock costs no round trip: the admit step's one EVALSHA is all the request sends to Redis", async () => {
      const buyer = new BuyerClient(ownApi.url, await insertUser(ownApi.ctx.db, ownApi.ctx.config, 'BUYER'));
      const { itemNum, price } = await insertItem(ownApi.ctx.db, ownApi.ctx.redis, seller.userNum);
      // The first order loads the script and asks for the line's drain (no worker runs, so that stays asked).
      await buyer.enter(itemNum, price);
      const observer = new Redis(redisServer.url);
      const monitor = await observer.monitor();
      const commands: { args: string[]; fromScript: boolean }[] = [];
      monitor.on('monitor', (_time: string, args: string[], source: string) => commands.push({ args, fromScript: source === 'lua' }));
      try {
        await buyer.enter(itemNum, price);
        await waitFor('the order step to reach the monitor', () => commands.length > 0, 2000, 10);
      } finally {
        monitor.disconnect();
        observer.disconnect();
      }
      const admitOrderSha = createHash('sha1').update(orderScripts.admitOrder.source).digest('hex');
      const sent = commands.filter((command) => !command.fromScript).map(({ args: [name, sha] }) => `${name.toLowerCase()} ${sha}`);
      expect(sent).to.deep.equal([`evalsha ${admitOrderSha}`]);
      expect(commands.filter((command) => command.fromScript).map(({ args: [name] }) => name.toLowerCase())).to.include('time');
    });
  });

  describe('with one API process whose clock runs 5 s fast (libfaketime) and one with the true clock', function () {
    this.timeout(60_000);
    const urls = { fast: '', true: '' };
    const processes: ServiceProcess[] = [];
    before(async () => {
      const [fastPort, truePort] = [await freePort(), await freePort()];
      urls.fast = `http://127.0.0.1:${fastPort}`;
      urls.true = `http://127.0.0.1:${truePort}`;
      // Submissions are repeated until the sale opens: the per-buyer rate limit would stop them first.
      const env = { ORDER_RATE_LIMIT: '0' };
      const started = await Promise.allSettled([
        ServiceProcess.start('api', { ...env, PORT: String(fastPort), ...skewedClockEnv('+5s') }),
        ServiceProcess.start('api', { ...env, PORT: String(truePort) }),
      ]);
      // Both are stopped after, even when only one came up.
      for (const outcome of started) if (outcome.status === 'fulfilled') processes.push(outcome.value);
      for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    });
    after(async () => {
      await Promise.all(processes.map((process) => process.stop()));
    });

    it("When an item opens 3 s ahead by Redis's clock, neither process admits an order before Redis's clock reaches availableAt, and both admit one right after", async () => {
      // Not vacuous: the fast process really lives 5 s ahead (its Date header), the other does not.
      expect(await clockSkewOf(urls.fast)).to.be.within(3000, 5500);
      expect(await clockSkewOf(urls.true)).to.be.within(-2000, 500);

      const availableAt = (await readRedisClock(api.ctx.redis)) + 3000;
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { availableAt: new Date(availableAt), stock: 10 });
      const attempts: Attempt[] = [];
      const buyUntilAdmitted = async (which: 'fast' | 'true') => {
        const buyer = new BuyerClient(urls[which], await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
        await waitFor(`the ${which}-clock process to admit an order`, async () => {
          const res = await buyer.order(itemNum, price);
          const answeredBy = await readRedisClock(api.ctx.redis);
          const admitted = res.status === 200;
          attempts.push({ api: which, code: admitted ? 'OK' : res.body.code, answeredBy, ...(admitted ? { createdAt: Date.parse(res.body.data.createdAt) } : {}) });
          return admitted;
        }, 10_000, 20);
      };
      await Promise.all([buyUntilAdmitted('fast'), buyUntilAdmitted('true')]);

      const beforeOpening = attempts.filter((attempt) => attempt.answeredBy < availableAt);
      expect(beforeOpening.filter((attempt) => attempt.api === 'fast'), 'the fast process was asked while its own clock said open').to.have.lengthOf.above(0);
      expect(beforeOpening.filter((attempt) => attempt.code !== 'NOT_OPEN_YET'), 'answers other than NOT_OPEN_YET before the opening').to.deep.equal([]);
      const admitted = attempts.filter((attempt) => attempt.code === 'OK');
      expect(admitted.map((attempt) => attempt.api).sort()).to.deep.equal(['fast', 'true']);
      for (const { createdAt } of admitted) expect(createdAt! - availableAt).to.be.within(0, 1000);
    });

    it('When a buyer logs in on the fast process and then changes the password on the other, the earlier token is void at once: issue and revocation both use Redis\'s clock', async () => {
      const email = `clock-${Date.now()}@test.local`;
      const password = 'correct horse battery';
      const [userNum] = await api.ctx.db('users').insert({ email, name: 'Kim', password_hash: await hashPassword(password), role: 'BUYER' });
      const logIn = async (which: 'fast' | 'true', secret: string) =>
        (await request(urls[which]).post('/api/v1/users/login').send({ email, password: secret }).expect(200)).body.data.accessToken as string;
      const ordersWith = (token: string) => request(urls.true).get('/api/v1/orders').set('Authorization', `Bearer ${token}`);

      const issuedAhead = await logIn('fast', password);
      await ordersWith(issuedAhead).expect(200);
      const changed = await request(urls.true)
        .put(`/api/v1/users/update/password/${userNum}`)
        .set('Authorization', `Bearer ${await logIn('true', password)}`)
        .send({ currentPassword: password, password: 'a brand new password' })
        .expect(200);
      // With the fast host's own clock its token would claim an issue time 5 s after the change, and live on.
      expect((await ordersWith(issuedAhead).expect(401)).body.code).to.equal('TOKEN_REVOKED');
      await ordersWith(changed.body.data.accessToken as string).expect(200);
      await ordersWith(await logIn('fast', 'a brand new password')).expect(200);
    });
  });
});
