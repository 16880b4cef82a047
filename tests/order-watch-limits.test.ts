import { expect } from 'chai';
import type { RunningApi } from '../api/server';
import { redisKeys } from '../shared/redis-keys';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { freePort } from './support/free-port';
import { isolateTestFile } from './support/isolation';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { bearer, OrderStream } from './support/order-stream';
import { ServiceProcess } from './support/service-processes';
import { waitFor } from './support/wait';

/** An API of its own process, as `npm start` runs several behind one port. */
async function startApiProcess(env: NodeJS.ProcessEnv): Promise<{ url: string; process: ServiceProcess }> {
  const port = await freePort();
  return { url: `http://127.0.0.1:${port}`, process: await ServiceProcess.start('api', { PORT: String(port), ...env }) };
}

describe('Limits on open order streams and waits (ORDER_WATCHES_PER_BUYER, ORDER_WATCH_LEASE_SECONDS, Prefer: wait over them)', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;
  const newBuyer = async () => new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
  const item = () => insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 100 });

  before(async () => {
    api = await startTestApi({ ORDER_WATCHES_PER_BUYER: '2' });
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
  });
  after(async () => api.stop());

  it('When a buyer holds as many waits as allowed, a payment asking to wait gets 429 TOO_MANY_ORDER_WATCHES with Retry-After before it starts: the order stays INITIATED, and a poll asking to wait gets the same', async () => {
    const buyer = await newBuyer();
    const { itemNum, price } = await item();
    const [first, second, third] = [await buyer.enter(itemNum, price), await buyer.enter(itemNum, price), await buyer.enter(itemNum, price)];
    const streams = await Promise.all([first, second].map((orderNum) => OrderStream.open(api.url, orderNum, bearer(buyer.user.token))));
    expect(streams.map((stream) => stream.status)).to.deep.equal([200, 200]);

    const refused = await buyer.pay(third).set('Prefer', 'wait=10').expect(429);
    expect(refused.headers['retry-after']).to.match(/^\d+$/);
    expect(refused.body.code).to.equal('TOO_MANY_ORDER_WATCHES');
    const poll = await buyer.poll(third).set('Prefer', 'wait=10').expect(429);
    expect(poll.body.code).to.equal('TOO_MANY_ORDER_WATCHES');
    expect((await buyer.poll(third).expect(200)).body.data).to.include({ status: 'INITIATED' });

    streams[0].drop();
    await waitFor('the place to be given back', async () => (await api.ctx.redis.zcard(redisKeys.buyerWatchLeases(buyer.user.userNum))) === 1);
    // No worker drains: the wait ends after its second with the payment under way.
    const paid = await buyer.pay(third).set('Prefer', 'wait=1').expect(202);
    expect(paid.headers['preference-applied']).to.equal('wait=1');
    expect(paid.body.data).to.include({ status: 'IN_PROGRESS' });
    streams[1].drop();
  });

  describe('with two API processes', function () {
    this.timeout(90_000);
    const limits = { ORDER_WATCHES_PER_BUYER: '2', ORDER_WATCH_LEASE_SECONDS: '2' };
    let apiA: { url: string; process: ServiceProcess };
    let apiB: { url: string; process: ServiceProcess };
    before(async () => {
      [apiA, apiB] = await Promise.all([startApiProcess(limits), startApiProcess(limits)]);
    });
    after(async () => {
      await Promise.all([apiA?.process.stop(), apiB?.process.stop()]);
    });

    it('When a buyer holds one stream on each process and the cap is 2, a third on either gets 429; a stream dropped on one frees a place on the other', async () => {
      const buyer = await newBuyer();
      const { itemNum, price } = await item();
      const orders = [await buyer.enter(itemNum, price), await buyer.enter(itemNum, price), await buyer.enter(itemNum, price)];
      const open = (url: string, orderNum: number) => OrderStream.open(url, orderNum, bearer(buyer.user.token));
      const onA = await open(apiA.url, orders[0]);
      const onB = await open(apiB.url, orders[1]);
      expect([onA.status, onB.status]).to.deep.equal([200, 200]);
      for (const url of [apiA.url, apiB.url]) {
        const third = await open(url, orders[2]);
        expect(third.status).to.equal(429);
        expect(third.response.headers['retry-after']).to.match(/^\d+$/);
        expect((await third.errorBody()).code).to.equal('TOO_MANY_ORDER_WATCHES');
      }
      const wait = await new BuyerClient(apiB.url, buyer.user).poll(orders[2]).set('Prefer', 'wait=5').expect(429);
      expect(wait.body.code).to.equal('TOO_MANY_ORDER_WATCHES');

      onA.drop();
      const again = await waitFor('a place to be free on B', async () => {
        const stream = await open(apiB.url, orders[2]);
        return stream.status === 200 ? stream : undefined;
      });
      again.drop();
      onB.drop();
    });

    it('When an API process dies with a buyer\'s streams open, their places lapse within ORDER_WATCH_LEASE_SECONDS and the buyer may open streams on the other', async () => {
      const doomed = await startApiProcess(limits);
      const buyer = await newBuyer();
      const { itemNum, price } = await item();
      const orders = [await buyer.enter(itemNum, price), await buyer.enter(itemNum, price)];
      const streams = await Promise.all(orders.map((orderNum) => OrderStream.open(doomed.url, orderNum, bearer(buyer.user.token))));
      expect(streams.map((stream) => stream.status)).to.deep.equal([200, 200]);
      // Held past their first lifetime: the process renews them.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect((await OrderStream.open(apiA.url, orders[0], bearer(buyer.user.token))).status).to.equal(429);

      await doomed.process.kill();
      const killedAt = Date.now();
      const reopened = await waitFor('the dead process\'s places to lapse', async () => {
        const stream = await OrderStream.open(apiA.url, orders[0], bearer(buyer.user.token));
        return stream.status === 200 ? stream : undefined;
      });
      expect(Date.now() - killedAt).to.be.below(5000);
      reopened.drop();
    });
  });
});
