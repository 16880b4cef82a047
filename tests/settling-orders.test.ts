import { expect } from 'chai';
import type { RunningApi } from '../api/server';
import type { Config } from '../shared/config';
import { createDb, type Db } from '../shared/db';
import { createLogger } from '../shared/logger';
import { decodeOrderChange, settledProgressOf, type LineChange } from '../shared/orders/order-changes';
import { orderScripts, SETTLED_MIRROR_TTL_SECONDS } from '../shared/orders/order-scripts';
import { ITEM_KEY_PREFIX, orderChangesChannel, redisKeys } from '../shared/redis-keys';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { drainItemLine } from '../worker/drain-item-line';
import { foldSettlingOrders } from '../worker/settling-orders-fold';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { countMysqlQueries } from './support/mysql-query-counter';
import { insertItem, insertUser } from './support/order-fixtures';
import { connectTestRedis } from './support/test-redis';
import { testConfig } from './support/test-env';
import { isolateTestFile } from './support/isolation';
import { waitFor } from './support/wait';

describe('Mirrors a line batch leaves to settle later', function () {
  isolateTestFile(__filename);
  this.timeout(30_000);
  let api: RunningApi;
  let config: Config;
  // The worker's: several statements a query.
  let workerDb: Db;
  let buyer: BuyerClient;
  let sellerNum: number;

  before(async () => {
    api = await startTestApi();
    config = testConfig({ PAYMENT_FAILURE_RATE: '0' });
    workerDb = createDb(config, { multipleStatements: true });
    sellerNum = (await insertUser(api.ctx.db, api.ctx.config, 'SELLER')).userNum;
    buyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
  });
  after(async () => {
    await workerDb.destroy();
    await api.stop();
  });

  const workerCtx = () => ({ config, db: workerDb, redis: api.ctx.redis, logger: createLogger(config, 'worker') });
  const drain = (itemNum: number, workerConfig = config) =>
    drainItemLine({ ...workerCtx(), config: workerConfig }, itemNum, { shouldYield: () => Promise.resolve(false), stopping: () => false });
  const heldBy = (itemNum: number, user: { userNum: number }) => api.ctx.redis.hget(redisKeys.itemHeldUnits(itemNum), String(user.userNum));
  const statuses = (orderNums: number[]) => Promise.all(orderNums.map((orderNum) => api.ctx.redis.hget(redisKeys.orderMirror(orderNum), 'status')));
  const ttls = (orderNums: number[]) => Promise.all(orderNums.map((orderNum) => api.ctx.redis.ttl(redisKeys.orderMirror(orderNum))));
  const settling = (itemNum: number) => api.ctx.redis.hkeys(redisKeys.itemSettlingOrders(itemNum));
  const readProgresses = (orderNums: number[]) =>
    orderScripts.readOrdersProgress.run(api.ctx.redis, orderNums.map(redisKeys.orderMirror), [config.redisPrefix + ITEM_KEY_PREFIX]);

  /** Orders of a new item entered and paid over HTTP, then drained in one batch (by a worker of `workerConfig`). */
  async function paidInOneBatch(orders: number, workerConfig = config): Promise<{ itemNum: number; price: number; orderNums: number[] }> {
    const item = await insertItem(api.ctx.db, api.ctx.redis, sellerNum, { stock: 10 });
    const orderNums: number[] = [];
    for (let i = 0; i < orders; i++) orderNums.push(await buyer.enterAndPay(item.itemNum, item.price));
    expect(await drain(item.itemNum, workerConfig)).to.equal('EMPTY');
    return { ...item, orderNums };
  }

  it("When a batch records and pays orders, their mirrors are left to settle, the batch's message already carrying each record as its mirror holds it once settled; a poll settles it first, without MySQL", async () => {
    const subscriber = await connectTestRedis(config);
    const messages: string[] = [];
    subscriber.on('message', (_channel: string, message: string) => messages.push(message));
    await subscriber.subscribe(orderChangesChannel(config));
    let item: Awaited<ReturnType<typeof paidInOneBatch>>;
    try {
      item = await paidInOneBatch(3);
      await waitFor('the batch message', () => messages.some((message) => message.startsWith(`line ${item.itemNum} `)) || undefined);
    } finally {
      await subscriber.quit();
    }
    const { itemNum, orderNums } = item;
    expect(await auditItemInvariants(api.ctx.db, itemNum, orderNums)).to.deep.equal([]);
    expect((await settling(itemNum)).map(Number)).to.have.members(orderNums);
    expect(await api.ctx.redis.sismember(redisKeys.itemsSettling(), String(itemNum))).to.equal(1);
    expect(await statuses(orderNums)).to.deep.equal(['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS']);

    const change = decodeOrderChange(messages.find((message) => message.startsWith(`line ${itemNum} `))!) as LineChange;
    expect(change.settled).to.deep.equal(orderNums);
    const told = orderNums.map((_, i) => settledProgressOf(change, i));
    expect(told.map((progress) => progress?.status)).to.deep.equal(['PAID', 'PAID', 'PAID']);

    let polled: { status: string; history: { to: string }[]; payment: { status: string } | null } | undefined;
    const queries = await countMysqlQueries(api.ctx.db, async () => {
      polled = (await buyer.poll(orderNums[0]).expect(200)).body.data;
    });
    expect(queries).to.equal(0);
    expect(polled).to.deep.include({ status: 'PAID' });
    expect(polled!.history.map((row) => row.to)).to.deep.equal(['INITIATED', 'IN_PROGRESS', 'PAID']);
    expect(polled!.payment).to.include({ status: 'PAID' });
    expect((await settling(itemNum)).map(Number)).to.have.members(orderNums.slice(1));
    expect(await statuses(orderNums)).to.deep.equal(['PAID', 'IN_PROGRESS', 'IN_PROGRESS']);

    // What a read settles is what the message told, field for field (the first was settled above).
    expect(await readProgresses(orderNums)).to.deep.equal(told);
    expect(await settling(itemNum)).to.deep.equal([]);
    for (const ttl of await ttls(orderNums)) expect(ttl).to.be.within(SETTLED_MIRROR_TTL_SECONDS - 60, SETTLED_MIRROR_TTL_SECONDS);
  });

  it('When a buyer cancels an order whose mirror was left to settle, it is refunded as a PAID order, its unit comes back once, and paying it again is refused as PAID', async () => {
    const { itemNum, orderNums } = await paidInOneBatch(2);
    const held = () => heldBy(itemNum, buyer.user);
    expect(await held()).to.equal('2');
    await buyer
      .pay(orderNums[1])
      .expect(409)
      .expect((res) => expect(res.body.data).to.deep.equal({ status: 'PAID' }));

    const res = await buyer.cancel(orderNums[0]).expect(200);
    expect(res.body.data).to.include({ status: 'CANCELED', refunded: true });
    expect(await statuses(orderNums)).to.deep.equal(['CANCELED', 'PAID']);
    expect(await held()).to.equal('1');
    expect((await api.ctx.db('orders').where({ id: orderNums[0] }).first()).status).to.equal('CANCELED');
    expect(await settling(itemNum)).to.deep.equal([]);
    expect(await auditItemInvariants(api.ctx.db, itemNum, orderNums)).to.deep.equal([]);
  });

  it("When an item's line is empty, the sweep settles every mirror left for it, with its expiry, and forgets the item; while the line has entries, it leaves them", async () => {
    const { itemNum, price, orderNums } = await paidInOneBatch(2);
    const waiting = await buyer.enter(itemNum, price);

    await foldSettlingOrders(workerCtx());
    expect((await settling(itemNum)).map(Number)).to.have.members(orderNums);
    expect(await statuses(orderNums)).to.deep.equal(['IN_PROGRESS', 'IN_PROGRESS']);

    expect(await drain(itemNum)).to.equal('EMPTY');
    await foldSettlingOrders(workerCtx());
    expect(await settling(itemNum)).to.deep.equal([]);
    expect(await api.ctx.redis.sismember(redisKeys.itemsSettling(), String(itemNum))).to.equal(0);
    expect(await statuses([...orderNums, waiting])).to.deep.equal(['PAID', 'PAID', 'INITIATED']);
    for (const ttl of await ttls(orderNums)) expect(ttl).to.be.within(SETTLED_MIRROR_TTL_SECONDS - 60, SETTLED_MIRROR_TTL_SECONDS);
    expect(await heldBy(itemNum, buyer.user)).to.equal('3');
  });

  it("When a batch's payments fail, their units come back in the batch's step, before the mirrors settle, and settling them gives nothing back again", async () => {
    const { itemNum, price, orderNums } = await paidInOneBatch(2, testConfig({ PAYMENT_FAILURE_RATE: '1' }));
    const kept = await buyer.enterAndPay(itemNum, price);
    expect(await statuses(orderNums)).to.deep.equal(['IN_PROGRESS', 'IN_PROGRESS']);
    expect(await heldBy(itemNum, buyer.user)).to.equal('1');

    const read = await readProgresses(orderNums);
    expect(read.map((progress) => progress?.status)).to.deep.equal(['FAILED_CUSTOMER', 'FAILED_CUSTOMER']);
    expect(read.map((progress) => progress?.history.map((row) => row.to))).to.deep.equal([
      ['INITIATED', 'IN_PROGRESS', 'FAILED_CUSTOMER'],
      ['INITIATED', 'IN_PROGRESS', 'FAILED_CUSTOMER'],
    ]);
    expect(await heldBy(itemNum, buyer.user)).to.equal('1');
    expect(await drain(itemNum)).to.equal('EMPTY');
    await foldSettlingOrders(workerCtx());
    expect(await statuses([kept])).to.deep.equal(['PAID']);
    expect(await heldBy(itemNum, buyer.user)).to.equal('1');
    expect(await auditItemInvariants(api.ctx.db, itemNum, [...orderNums, kept])).to.deep.equal([]);
  });
});
