import { expect } from 'chai';
import type { RunningApi } from '../api/server';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { enterAndPayInRedis } from '../testkit/orders-in-redis';
import { isSettled, type OrderStatus } from '../shared/orders/order-status';
import { redisKeys } from '../shared/redis-keys';
import type { RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { insertItem, insertUser } from './support/order-fixtures';
import { waitFor } from './support/wait';
import { startTestWorker } from './support/worker';
import { isolateTestFile } from './support/isolation';

describe('Draining items that share a partition', function () {
  isolateTestFile(__filename);
  this.timeout(60_000);
  // One partition holds every item; small batches make the hot item's drain last seconds.
  const settings = { QUEUE_PARTITIONS: '1', DRAIN_BATCH_SIZE: '10' };
  let api: RunningApi;
  let worker: RunningWorker;

  before(async () => {
    api = await startTestApi(settings);
    worker = await startTestWorker(settings);
  });
  after(async () => {
    await worker.stop();
    await api.stop();
  });

  it("When a lone order arrives while a hot item's line drains, it is settled within the hot item's time slice, not after its line", async () => {
    const seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    const buyers = await Promise.all(Array.from({ length: 20 }, () => insertUser(api.ctx.db, api.ctx.config, 'BUYER')));
    const hot = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 3000 });
    const quiet = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 5 });
    const hotOrders: number[] = [];
    for (let start = 0; start < 3000; start += 100) {
      const chunk = buyers.flatMap((buyer) => Array.from({ length: 5 }, () => buyer));
      hotOrders.push(...(await Promise.all(chunk.map((buyer) => enterAndPayInRedis(api.ctx.config, api.ctx.redis, hot, buyer)))));
    }
    const hotLine = redisKeys.itemLine(hot.itemNum);
    const fullLine = await api.ctx.redis.llen(hotLine);
    await api.ctx.orderQueues.requestDrain(hot.itemNum);
    await waitFor('the hot line to start draining', async () => (await api.ctx.redis.llen(hotLine)) < fullLine);

    const loneOrder = await enterAndPayInRedis(api.ctx.config, api.ctx.redis, quiet, buyers[0]);
    await api.ctx.orderQueues.requestDrain(quiet.itemNum);
    await waitFor('the lone order to settle', async () => {
      const row = await api.ctx.db('orders').where({ id: loneOrder }).first('status');
      return row && isSettled(row.status as OrderStatus);
    });
    expect(await api.ctx.redis.llen(hotLine), 'entries of the hot line still waiting').to.be.greaterThan(0);

    await waitFor('the hot line to drain', async () => (await api.ctx.redis.llen(hotLine)) === 0, 45_000);
    expect(await auditItemInvariants(api.ctx.db, hot.itemNum, hotOrders)).to.deep.equal([]);
  });
});
