import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { createDb, type Db } from '../shared/db';
import { applyLineBatch, sendWalkedAhead, walkAhead } from '../shared/orders/apply-line-batch';
import type { PaymentPolicy } from '../shared/orders/line-batch';
import type { LineEntry } from '../shared/orders/line-entries';
import { highestOrderNum } from '../shared/orders/order-repository';
import { insertItem, insertUser } from './support/order-fixtures';
import { isolateTestFile } from './support/isolation';
import { mysqlQueriesOf } from './support/mysql-query-counter';
import { testConfig } from './support/test-env';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectTestRedis } from './support/test-redis';

const neverDeclines: PaymentPolicy = { failureRate: 0.2, random: () => 0.99 };

describe('A line batch in MySQL, applied once and applied again', function () {
  isolateTestFile(__filename);
  let db: Db;
  let redis: Redis;
  before(async () => {
    db = createDb(testConfig());
    redis = await connectTestRedis();
  });
  after(async () => {
    await redis.quit();
    await db.destroy();
  });

  /** An item with `stock` units, a buyer, and the next free order numbers. */
  async function arrange(stock: number) {
    const config = testConfig();
    const seller = await insertUser(db, config, 'SELLER');
    const buyer = await insertUser(db, config, 'BUYER');
    const item = await insertItem(db, redis, seller.userNum, { stock });
    const firstOrderNum = (await highestOrderNum(db)) + 1;
    const record = (orderNum: number): LineEntry => ({ kind: 'record', orderNum, buyerNum: buyer.userNum, quantity: 1, unitPrice: item.price, createdAt: new Date() });
    const pay = (orderNum: number): LineEntry => ({ kind: 'pay', orderNum, quantity: 1, arrivalSeq: orderNum - firstOrderNum + 1 });
    const orderNums = (count: number, from = 0) => Array.from({ length: count }, (_, i) => firstOrderNum + from + i);
    /** What MySQL holds of the item and those orders. */
    const stored = async (of: number[]) => ({
      stock: (await db('stocks').where({ item_id: item.itemNum }).first<{ quantity: number; version: number }>('quantity', 'version')),
      statuses: (await db('orders').whereIn('id', of).orderBy('id').pluck('status')) as string[],
      histories: (await db('order_histories').whereIn('order_id', of).orderBy('id').select('order_id', 'from_status', 'to_status')) as unknown[],
      payments: (await db('payments').whereIn('order_id', of).orderBy('order_id').pluck('order_id')) as number[],
    });
    return { item, record, pay, orderNums, stored };
  }

  it('When a batch records and pays new orders, it writes them without reading them first; applied again, whole or at the front of a longer batch, it changes nothing, and only the longer batch\'s new orders apply', async () => {
    const { item, record, pay, orderNums, stored } = await arrange(10);
    const firstFour = orderNums(4);
    const batch = firstFour.flatMap((orderNum) => [record(orderNum), pay(orderNum)]);

    let applied: Awaited<ReturnType<typeof applyLineBatch>> | undefined;
    const sent = await mysqlQueriesOf(db, async () => (applied = await applyLineBatch(db, item.itemNum, batch, neverDeclines)));
    expect(applied!.settledNow).to.deep.equal(['PAID', 'PAID', 'PAID', 'PAID']);
    expect(sent.filter((sql) => /^select .* from `orders`/i.test(sql))).to.deep.equal([]);
    const once = await stored(firstFour);
    expect(once.statuses).to.deep.equal(['PAID', 'PAID', 'PAID', 'PAID']);
    expect(once.histories).to.have.length(12);
    expect(once.stock.quantity).to.equal(6);

    const replayed = await applyLineBatch(db, item.itemNum, batch, neverDeclines);
    expect(replayed.settledNow).to.deep.equal([]);
    expect(replayed.orders.map((order) => order.status)).to.deep.equal(['PAID', 'PAID', 'PAID', 'PAID']);
    expect(replayed.unitsReleased).to.equal(4);
    expect(await stored(firstFour)).to.deep.equal(once);

    const nextTwo = orderNums(2, 4);
    const longer = await applyLineBatch(db, item.itemNum, [...batch, ...nextTwo.flatMap((orderNum) => [record(orderNum), pay(orderNum)])], neverDeclines);
    expect(longer.settledNow).to.deep.equal(['PAID', 'PAID']);
    const after = await stored([...firstFour, ...nextTwo]);
    expect(after.statuses).to.deep.equal(Array(6).fill('PAID'));
    expect(after.histories).to.have.length(18);
    expect(after.payments).to.deep.equal([...firstFour, ...nextTwo]);
    expect(after.stock.quantity).to.equal(4);
  });

  it('When a batch is applied, its writes go to MySQL at once, in the order they must run (orders, history, payments, stock), before the first of them is answered', async () => {
    const { item, record, pay, orderNums } = await arrange(10);
    const events: string[] = [];
    const onQuery = (query: { sql: string }) => events.push(`sent ${query.sql.split(' ').slice(0, 3).join(' ')}`);
    const onAnswer = (_answer: unknown, query: { sql: string }) => events.push(`answered ${query.sql.split(' ').slice(0, 3).join(' ')}`);
    db.on('query', onQuery).on('query-response', onAnswer);
    try {
      await applyLineBatch(db, item.itemNum, orderNums(3).flatMap((orderNum) => [record(orderNum), pay(orderNum)]), neverDeclines);
    } finally {
      db.off('query', onQuery).off('query-response', onAnswer);
    }
    const writes = events.slice(events.indexOf('sent insert into `orders`'));
    expect(writes.slice(0, 5)).to.deep.equal([
      'sent insert into `orders`',
      'sent insert into `order_histories`',
      'sent insert into `payments`',
      'sent update `stocks` set',
      'answered insert into `orders`',
    ]);
  });

  it('When a batch pays orders that an earlier batch recorded, beside orders it records itself, each is paid once and the units leave the stock once', async () => {
    const { item, record, pay, orderNums, stored } = await arrange(10);
    const earlier = orderNums(3);
    const recordedNow = orderNums(2, 3);
    await applyLineBatch(db, item.itemNum, earlier.map(record), neverDeclines);
    expect((await stored(earlier)).statuses).to.deep.equal(['INITIATED', 'INITIATED', 'INITIATED']);

    const batch = [...earlier.map(pay), ...recordedNow.flatMap((orderNum) => [record(orderNum), pay(orderNum)])];
    const applied = await applyLineBatch(db, item.itemNum, batch, neverDeclines);
    expect(applied.settledNow).to.deep.equal(Array(5).fill('PAID'));
    const once = await stored([...earlier, ...recordedNow]);
    expect(once.statuses).to.deep.equal(Array(5).fill('PAID'));
    expect(once.histories).to.have.length(15);
    expect(once.stock.quantity).to.equal(5);

    expect((await applyLineBatch(db, item.itemNum, batch, neverDeclines)).settledNow).to.deep.equal([]);
    expect(await stored([...earlier, ...recordedNow])).to.deep.equal(once);
  });

  describe('walked ahead, on a connection that takes several statements a query (the worker\'s)', function () {
    let workerDb: Db;
    before(() => {
      workerDb = createDb(testConfig(), { multipleStatements: true });
    });
    after(async () => {
      await workerDb.destroy();
    });

    it('When a batch was walked ahead on the level the stock is at, its lock and its writes go to MySQL as one query, then the commit, and it applies as walked', async () => {
      const { item, record, pay, orderNums, stored } = await arrange(10);
      const before = (await stored([])).stock;
      const entries = orderNums(3).flatMap((orderNum) => [record(orderNum), pay(orderNum)]);
      const walked = (await walkAhead(workerDb, item.itemNum, entries, before, neverDeclines))!;

      let applied: Awaited<ReturnType<typeof applyLineBatch>> | undefined;
      const sent = await mysqlQueriesOf(workerDb, async () => (applied = await applyLineBatch(workerDb, item.itemNum, entries, neverDeclines, undefined, walked)));
      expect(sent).to.have.length(3);
      expect(sent[0]).to.match(/^BEGIN/);
      expect(sent[1].split(';\n').map((sql) => sql.split(' ').slice(0, 3).join(' '))).to.deep.equal(['select `quantity`, `version`', 'insert into `orders`', 'insert into `order_histories`', 'insert into `payments`', 'update `stocks` set']);
      expect(sent[2]).to.match(/^COMMIT/);
      expect(applied).to.equal(walked.outcome);
      const after = await stored(orderNums(3));
      expect(after.statuses).to.deep.equal(['PAID', 'PAID', 'PAID']);
      expect(after.histories).to.have.length(9);
      expect(after.stock).to.deep.equal({ quantity: 7, version: before.version + 1 });
    });

    it('When the stock moved after the batch was walked ahead (a seller changed it, or the batch before failed), the walk is dropped and the batch is walked again under the lock: no unit is sold that the stock does not hold', async () => {
      const { item, record, pay, orderNums, stored } = await arrange(2);
      const actual = (await stored([])).stock;
      const entries = orderNums(3).flatMap((orderNum) => [record(orderNum), pay(orderNum)]);
      const walked = (await walkAhead(workerDb, item.itemNum, entries, { quantity: 10, version: actual.version }, neverDeclines))!;
      expect(walked.outcome.settledNow).to.deep.equal(['PAID', 'PAID', 'PAID']);

      const applied = await applyLineBatch(workerDb, item.itemNum, entries, neverDeclines, undefined, walked);
      expect(applied.settledNow).to.deep.equal(['PAID', 'PAID', 'FAILED_QUANTITY']);
      const after = await stored(orderNums(3));
      expect(after.statuses).to.deep.equal(['PAID', 'PAID', 'FAILED_QUANTITY']);
      expect(after.payments).to.deep.equal(orderNums(2));
      expect(after.stock).to.deep.equal({ quantity: 0, version: actual.version + 1 });
    });

    /** A batch before the one walked ahead, in MySQL: it holds the stock lock and has sold a unit, not committed yet. */
    async function batchBeforeInMysql(itemNum: number, before: { quantity: number; version: number }) {
      const trx = await workerDb.transaction();
      await trx('stocks').where({ item_id: itemNum }).forUpdate().first();
      const leaves = { quantity: before.quantity - 1, version: before.version + 1 };
      await trx('stocks').where({ item_id: itemNum }).update(leaves);
      return { trx, leaves };
    }

    it('When a batch walked ahead is sent at once while the batch before holds the stock lock, it goes as one query (lock, check of the level, writes, commit), waits on that lock, commits right behind that batch, and then applies with no query of its own', async () => {
      const { item, record, pay, orderNums, stored } = await arrange(10);
      const before = (await stored([])).stock;
      const batchBefore = await batchBeforeInMysql(item.itemNum, before);
      const entries = orderNums(3).flatMap((orderNum) => [record(orderNum), pay(orderNum)]);
      let sentAhead: ReturnType<typeof sendWalkedAhead> | undefined;
      const sent = await mysqlQueriesOf(workerDb, async () => {
        sentAhead = sendWalkedAhead(workerDb, item.itemNum, (await walkAhead(workerDb, item.itemNum, entries, batchBefore.leaves, neverDeclines))!);
        await sleep(300);
      });
      expect(sent).to.have.length(1);
      expect(sent[0].split(';\n').map((sql) => sql.split(' ').slice(0, 3).join(' '))).to.deep.equal(['start transaction', 'select `quantity`, `version`', 'select ((select 1', 'insert into `orders`', 'insert into `order_histories`', 'insert into `payments`', 'update `stocks` set', 'commit']);
      expect((await stored(orderNums(3))).statuses, 'waiting on the lock').to.deep.equal([]);

      await batchBefore.trx.commit();
      expect(await sentAhead!.committed).to.equal(true);
      let applied: Awaited<ReturnType<typeof applyLineBatch>> | undefined;
      expect(await mysqlQueriesOf(workerDb, async () => (applied = await applyLineBatch(workerDb, item.itemNum, entries, neverDeclines, undefined, sentAhead)))).to.deep.equal([]);
      expect(applied).to.equal(sentAhead!.outcome);
      const after = await stored(orderNums(3));
      expect(after.statuses).to.deep.equal(['PAID', 'PAID', 'PAID']);
      expect(after.stock).to.deep.equal({ quantity: before.quantity - 4, version: before.version + 2 });
    });

    it('When the batch before a batch sent ahead fails, MySQL refuses the one sent ahead at its check of the level, so nothing of it is written, and applied it runs again under the lock on the level the stock is at', async () => {
      const { item, record, pay, orderNums, stored } = await arrange(10);
      const before = (await stored([])).stock;
      const batchBefore = await batchBeforeInMysql(item.itemNum, before);
      const entries = orderNums(3).flatMap((orderNum) => [record(orderNum), pay(orderNum)]);
      const sentAhead = sendWalkedAhead(workerDb, item.itemNum, (await walkAhead(workerDb, item.itemNum, entries, batchBefore.leaves, neverDeclines))!);
      await sleep(100);

      await batchBefore.trx.rollback();
      expect(await sentAhead.committed).to.equal(false);
      expect(await stored(orderNums(3))).to.deep.equal({ stock: before, statuses: [], histories: [], payments: [] });
      const applied = await applyLineBatch(workerDb, item.itemNum, entries, neverDeclines, undefined, sentAhead);
      expect(applied.stock).to.deep.equal({ quantity: before.quantity - 3, version: before.version + 1 });
      expect((await stored(orderNums(3))).statuses).to.deep.equal(['PAID', 'PAID', 'PAID']);
    });

    it('When a batch walked ahead is applied again (committed, yet still at the head of the line), its one query is refused at the orders, and the batch, read under the lock, changes nothing', async () => {
      const { item, record, pay, orderNums, stored } = await arrange(10);
      const entries = orderNums(3).flatMap((orderNum) => [record(orderNum), pay(orderNum)]);
      const first = await applyLineBatch(workerDb, item.itemNum, entries, neverDeclines, undefined, await walkAhead(workerDb, item.itemNum, entries, (await stored([])).stock, neverDeclines));
      const once = await stored(orderNums(3));

      const replayed = await applyLineBatch(workerDb, item.itemNum, entries, neverDeclines, undefined, await walkAhead(workerDb, item.itemNum, entries, first.stock, neverDeclines));
      expect(replayed.settledNow).to.deep.equal([]);
      expect(replayed.orders.map((order) => order.status)).to.deep.equal(['PAID', 'PAID', 'PAID']);
      expect(await stored(orderNums(3))).to.deep.equal(once);
    });
  });
});
