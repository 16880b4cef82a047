import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { createDb, type Db } from '../shared/db';
import { createLogger } from '../shared/logger';
import { readLineBehind } from '../shared/orders/dead-entries';
import { readOrders } from '../shared/orders/get-order';
import { orderScripts } from '../shared/orders/order-scripts';
import { isSettled, type OrderStatus } from '../shared/orders/order-status';
import { redisKeys } from '../shared/redis-keys';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { enterInRedis, payInRedis } from '../testkit/orders-in-redis';
import { drainItemLine } from '../worker/drain-item-line';
import { insertItem, insertUser } from './support/order-fixtures';
import { connectTestRedis } from './support/test-redis';
import { testConfig } from './support/test-env';
import { isolateTestFile } from './support/isolation';

describe("A line's next batch goes to MySQL while the last one's Redis step runs", function () {
  isolateTestFile(__filename);
  this.timeout(60_000);
  let db: Db;
  let redis: Redis;
  before(async () => {
    // As the worker's: several statements a query.
    db = createDb(testConfig(), { multipleStatements: true });
    redis = await connectTestRedis();
    // On a Redis that has not run them yet, a script's first EVALSHA is refused and sent again
    // later, which changes the order of the steps the second test checks.
    await Promise.all(Object.values(orderScripts).map((script) => redis.script('LOAD', script.source)));
  });
  after(async () => {
    await redis.quit();
    await db.destroy();
  });

  it('When the next batch is read from behind the batch at the head, it is exactly the entries after that batch; once that batch has left the head, or an entry was put back before it, the read answers nothing', async () => {
    const itemNum = 990_001;
    const line = redisKeys.itemLine(itemNum);
    await redis.rpush(line, 'r:1:1:1:1000:0', 'p:1:1:1', 'r:2:1:1:1000:0', 'p:2:1:2', 'r:3:1:1:1000:0');
    await redis.hset(redisKeys.itemDeadEntries(itemNum), '7', '{}');
    const batch = ['r:1:1:1:1000:0', 'p:1:1:1'];

    expect(await readLineBehind(redis, itemNum, batch, 2)).to.deep.equal({ entries: ['r:2:1:1:1000:0', 'p:2:1:2'], deadOrders: new Set([7]) });
    await redis.lpush(line, 'r:0:1:1:1000:0');
    expect(await readLineBehind(redis, itemNum, batch, 2)).to.equal(undefined);
    await redis.ltrim(line, 3, -1);
    expect(await readLineBehind(redis, itemNum, batch, 2)).to.equal(undefined);
  });

  it("When a line drains in several batches, each batch after the first is sent to MySQL while the batch before is there, each batch's Redis step once it committed, while the next batch runs in MySQL, and the last one's as soon as the line is found empty", async () => {
    // Every payment goes through, so every batch moves the stock and the next one is sent ahead.
    const config = testConfig({ DRAIN_BATCH_SIZE: '2', PAYMENT_FAILURE_RATE: '0' });
    const seller = await insertUser(db, config, 'SELLER');
    const buyer = await insertUser(db, config, 'BUYER');
    const item = await insertItem(db, redis, seller.userNum, { stock: 10 });
    const orderNums: number[] = [];
    for (let i = 0; i < 3; i++) {
      const orderNum = await enterInRedis(config, redis, item, buyer);
      await payInRedis(config, redis, orderNum, buyer);
      orderNums.push(orderNum);
    }
    const events: string[] = [];
    const onQuery = (query: { sql: string }) => {
      if (query.sql.startsWith('insert into `orders`')) events.push('MySQL: a batch writes');
      if (query.sql === 'COMMIT;') events.push('MySQL: commit');
      if (query.sql.startsWith('start transaction') && query.sql.includes('insert into `orders`') && query.sql.endsWith('commit')) events.push('MySQL: a batch sent ahead, writes and commits');
    };
    // The worker's Redis client, telling each batch step it sends.
    const drainRedis = new Proxy(redis, {
      get(target, property) {
        if (property === 'evalsha') {
          return (sha: string, ...rest: (string | number)[]) => {
            if (sha === orderScripts.commitLineBatch.sha) events.push('Redis: a batch step');
            return (target.evalsha as (...args: (string | number)[]) => Promise<unknown>)(sha, ...rest);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    db.on('query', onQuery);
    try {
      expect(await drainItemLine({ config, db, redis: drainRedis, logger: createLogger(config, 'worker') }, item.itemNum, { shouldYield: () => Promise.resolve(false), stopping: () => false })).to.equal('EMPTY');
    } finally {
      db.off('query', onQuery);
    }

    // The second batch is sent while the first is in MySQL: before or after the first one's commit goes, as the two race.
    expect(events.slice(0, 3).sort()).to.deep.equal(['MySQL: a batch sent ahead, writes and commits', 'MySQL: a batch writes', 'MySQL: commit']);
    expect(events[0]).to.equal('MySQL: a batch writes');
    expect(events.slice(3)).to.deep.equal(['Redis: a batch step', 'MySQL: a batch sent ahead, writes and commits', 'Redis: a batch step', 'Redis: a batch step']);
    expect(await auditItemInvariants(db, item.itemNum, orderNums)).to.deep.equal([]);
    // Each batch recorded and paid its order: the mirrors are left to settle, and a read settles them.
    expect((await redis.hkeys(redisKeys.itemSettlingOrders(item.itemNum))).map(Number)).to.have.members(orderNums);
    const read = await readOrders({ config, redis, db }, orderNums);
    expect(orderNums.map((orderNum) => read.get(orderNum)?.order.status)).to.deep.equal(['PAID', 'PAID', 'PAID']);
    const mirrors = await Promise.all(orderNums.map((orderNum) => redis.hget(redisKeys.orderMirror(orderNum), 'status')));
    expect(mirrors.filter((status) => !isSettled(status as OrderStatus))).to.deep.equal([]);
  });

  it('When two drains of one line run at once in small batches (a stalled job taken over), every order is settled once and in arrival order, the gate ends at MySQL stock with nothing in flight, and every mirror is settled', async () => {
    const config = testConfig({ DRAIN_BATCH_SIZE: '7' });
    const seller = await insertUser(db, config, 'SELLER');
    const buyers = await Promise.all(Array.from({ length: 10 }, () => insertUser(db, config, 'BUYER')));
    const item = await insertItem(db, redis, seller.userNum, { stock: 120 });
    // All entered before any pays, so that more is paid for than the stock (the gate admits no order
    // for units that payments in flight hold).
    const orderNums: number[] = [];
    for (let start = 0; start < 300; start += 50) {
      orderNums.push(...(await Promise.all(Array.from({ length: 50 }, (_, i) => enterInRedis(config, redis, item, buyers[i % buyers.length])))));
    }
    for (const [i, orderNum] of orderNums.entries()) await payInRedis(config, redis, orderNum, buyers[i % buyers.length]);
    const drains = await Promise.all(
      [1, 2].map(async () => {
        const own = await connectTestRedis(config);
        try {
          return await drainItemLine({ config, db, redis: own, logger: createLogger(config, 'worker') }, item.itemNum, { shouldYield: () => Promise.resolve(false), stopping: () => false });
        } finally {
          await own.quit();
        }
      }),
    );

    expect(drains).to.include('EMPTY');
    expect(await redis.llen(redisKeys.itemLine(item.itemNum))).to.equal(0);
    expect(await auditItemInvariants(db, item.itemNum, orderNums)).to.deep.equal([]);
    const stock = await db('stocks').where({ item_id: item.itemNum }).first();
    expect(await redis.hgetall(redisKeys.itemSaleState(item.itemNum))).to.include({ inflight: '0', stock: String(stock.quantity), drainPending: '0' });
    const mirrors = await Promise.all(orderNums.map((orderNum) => redis.hget(redisKeys.orderMirror(orderNum), 'status')));
    expect(mirrors.filter((status) => !isSettled(status as OrderStatus))).to.deep.equal([]);
  });
});
