import { expect } from 'chai';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import { writeItemSaleState } from '../shared/items/sale-state-sync';
import { parseLineEntry, type LineEntry } from '../shared/orders/line-entries';
import { orderScripts } from '../shared/orders/order-scripts';
import { admitInRedis } from '../shared/orders/place-order';
import { startPaymentInRedis } from '../shared/orders/start-payment';
import { ITEM_KEY_PREFIX, orderChangesChannel, redisKeys } from '../shared/redis-keys';
import { testConfig } from './support/test-env';
import { connectTestRedis } from './support/test-redis';
import { isolateTestFile } from './support/isolation';

describe('Line entries: written by the Lua steps, read by the worker', () => {
  isolateTestFile(__filename);
  let config: Config;
  let redis: Redis;
  before(async () => {
    config = testConfig();
    redis = await connectTestRedis(config);
  });
  after(async () => redis.quit());

  it('When each kind of entry is parsed, every field comes back typed; a reason keeps its colons', () => {
    expect(parseLineEntry('r:41:7:2:1500:1767258000000')).to.deep.equal({
      kind: 'record',
      orderNum: 41,
      buyerNum: 7,
      quantity: 2,
      unitPrice: 1500,
      createdAt: new Date(1767258000000),
    });
    expect(parseLineEntry('p:41:2:9')).to.deep.equal({ kind: 'pay', orderNum: 41, quantity: 2, arrivalSeq: 9 });
    expect(parseLineEntry('c:41:ORDER_TTL_EXPIRED')).to.deep.equal({ kind: 'cancel', orderNum: 41, reason: 'ORDER_TTL_EXPIRED' });
    expect(parseLineEntry('c:41:a:b')).to.deep.equal({ kind: 'cancel', orderNum: 41, reason: 'a:b' });
  });

  it('When an entry has an unknown kind, parsing refuses it rather than guessing', () => {
    expect(() => parseLineEntry('x:41:2')).to.throw(/unknown line entry "x:41:2"/);
  });

  it('When a number field of an entry is empty or holds anything but digits, parsing refuses it rather than reading a wrong number', () => {
    expect(() => parseLineEntry('p:41:2x:9')).to.throw(/line entry "p:41:2x:9" has a field that is no number/);
    expect(() => parseLineEntry('p:41:-2:9')).to.throw(/no number/);
    expect(() => parseLineEntry('p:41::9')).to.throw(/line entry "p:41::9" has an empty field/);
    expect(() => parseLineEntry('r:41:7:2:1500')).to.throw(/empty field/);
  });

  it('When orders are entered, paid and canceled through the real steps, the worker parses exactly what they wrote, and the start-up count of units in flight agrees', async () => {
    const itemNum = 1;
    const buyer = { userNum: 7, role: 'BUYER' as const, issuedAtMs: Date.now() };
    await writeItemSaleState(redis, { id: itemNum, seller_id: 1, price: 1500, available_at: null, end_at: null, deleted_at: null, max_per_buyer: null, quantity: 10, version: 1 }, 'exact');
    const enter = async (quantity: number) => {
      const reply = await admitInRedis({ config, redis }, { caller: buyer, buyerNum: buyer.userNum, itemNum, quantity, price: 1500 });
      if (reply.outcome !== 'OK') throw new Error(reply.outcome);
      return reply;
    };
    const { orderNum: paid, createdAtMs: paidAt } = await enter(2);
    const { orderNum: canceled, createdAtMs: canceledAt } = await enter(1);
    const payment = await startPaymentInRedis({ config, redis }, paid, buyer);
    if (payment.outcome !== 'OK') throw new Error(payment.outcome);
    await orderScripts.cancelInitiatedOrder.run(
      redis,
      [redisKeys.orderMirror(canceled), redisKeys.initiatedOrders(), redisKeys.itemsWithBacklog()],
      [config.redisPrefix + ITEM_KEY_PREFIX, canceled, buyer.userNum, 'CANCELED_BY_BUYER', orderChangesChannel(config)],
    );

    const entries = (await redis.lrange(redisKeys.itemLine(itemNum), 0, -1)).map(parseLineEntry);
    expect(entries).to.deep.equal([
      { kind: 'record', orderNum: paid, buyerNum: buyer.userNum, quantity: 2, unitPrice: 1500, createdAt: new Date(paidAt) },
      { kind: 'record', orderNum: canceled, buyerNum: buyer.userNum, quantity: 1, unitPrice: 1500, createdAt: new Date(canceledAt) },
      { kind: 'pay', orderNum: paid, quantity: 2, arrivalSeq: payment.arrivalSeq },
      { kind: 'cancel', orderNum: canceled, reason: 'CANCELED_BY_BUYER' },
    ] satisfies LineEntry[]);

    await redis.hset(redisKeys.itemSaleState(itemNum), 'inflight', '99');
    const lineLength = await orderScripts.reconcileItemLine.run(
      redis,
      [redisKeys.itemSaleState(itemNum), redisKeys.itemLine(itemNum), redisKeys.itemsWithBacklog(), redisKeys.itemDeadEntries(itemNum)],
      [itemNum, 0],
    );
    expect(lineLength).to.equal(4);
    const unitsPaying = entries.reduce((units, entry) => units + (entry.kind === 'pay' ? entry.quantity : 0), 0);
    expect(await redis.hget(redisKeys.itemSaleState(itemNum), 'inflight')).to.equal(String(unitsPaying));
  });
});
