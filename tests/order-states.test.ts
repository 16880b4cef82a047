import path from 'node:path';
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { LuaScript } from '../shared/lua/lua-script';
import { ORDER_SCRIPT_FRAGMENTS, orderScripts } from '../shared/orders/order-scripts';
import { canTransition, holdsUnits, isSettled, ORDER_STATUSES, SETTLED_STATUSES, UNIT_HOLDING_STATUSES } from '../shared/orders/order-status';
import { redisKeys } from '../shared/redis-keys';
import { connectTestRedis } from './support/test-redis';
import { isolateTestFile } from './support/isolation';

/** The state machine as the order scripts include it ("generated/order-states"). */
const probe = new LuaScript(path.join(__dirname, 'fixtures', 'lua', 'order-states-probe.lua'), 0, (raw) => raw as string[], ORDER_SCRIPT_FRAGMENTS);

describe('The order state machine, one table for TypeScript and Lua', () => {
  isolateTestFile(__filename);
  let redis: Redis;
  before(async () => {
    redis = await connectTestRedis();
  });
  after(async () => redis.quit());

  it('When the Lua steps ask where a status may go, whether it is settled and whether it holds units, they get what the TypeScript table says, for every pair', async () => {
    const statuses = [...ORDER_STATUSES, 'NOT_A_STATUS'];
    const expected = statuses.flatMap((from) => {
      const known = (ORDER_STATUSES as string[]).includes(from);
      const settled = known && isSettled(from as (typeof ORDER_STATUSES)[number]);
      const holds = known && holdsUnits(from as (typeof ORDER_STATUSES)[number]);
      const moves = statuses.filter((to) => known && (ORDER_STATUSES as string[]).includes(to) && canTransition(from as never, to as never));
      return [`${from} ${settled ? 'settled' : 'under way'}`, `${from} ${holds ? 'holds units' : 'holds nothing'}`, ...moves.map((to) => `${from} -> ${to}`)];
    });
    expect(await probe.run(redis, [], statuses)).to.deep.equal(expected);
  });

  it('When the table is read, DESIGN §4 is what it says: paid, failed and canceled orders are settled, only PAID may still be canceled', () => {
    expect(SETTLED_STATUSES).to.deep.equal(['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED']);
    expect(UNIT_HOLDING_STATUSES, 'DESIGN §10: what counts against maxPerBuyer').to.deep.equal(['INITIATED', 'IN_PROGRESS', 'PAID']);
    expect(ORDER_STATUSES.filter((from) => canTransition(from, 'CANCELED'))).to.deep.equal(['INITIATED', 'PAID']);
  });

  it('When a mirror would move where the state machine does not allow, it keeps its status; an allowed move or a restated status settles it and lets it expire', async () => {
    const [declined, waiting, canceled, gone] = [1, 2, 3, 4];
    const mirror = redisKeys.orderMirror;
    const settle = (orderNum: number, status: string) =>
      orderScripts.settleOrderMirror.run(redis, [mirror(orderNum), redisKeys.itemHeldUnits(1), redisKeys.itemSettlingOrders(1)], [status, 'TEST', 60, 7, 1, orderNum]);
    await redis.hset(mirror(declined), 'status', 'FAILED_CUSTOMER');
    await redis.hset(mirror(waiting), 'status', 'IN_PROGRESS');
    await redis.hset(mirror(canceled), 'status', 'CANCELED');

    expect(await settle(declined, 'CANCELED')).to.equal(false);
    expect(await redis.hget(mirror(declined), 'status')).to.equal('FAILED_CUSTOMER');
    expect(await redis.ttl(mirror(declined))).to.equal(-1);
    expect(await settle(waiting, 'PAID')).to.equal(true);
    expect(await redis.hget(mirror(waiting), 'status')).to.equal('PAID');
    expect(await redis.ttl(mirror(waiting))).to.be.within(1, 60);
    expect(await settle(canceled, 'CANCELED')).to.equal(true);
    expect(await redis.ttl(mirror(canceled))).to.be.within(1, 60);
    expect(await settle(gone, 'PAID')).to.equal(false);
    expect(await redis.exists(mirror(gone))).to.equal(0);
  });

  it('When a mirror settles, only a move out of INITIATED, IN_PROGRESS and PAID gives its buyer\'s units back; a refused move or a restated status gives nothing', async () => {
    const held = redisKeys.itemHeldUnits(2);
    const mirror = (orderNum: number, status: string, quantity: number) =>
      redis.hset(redisKeys.orderMirror(orderNum), 'status', status, 'buyerNum', '9', 'quantity', String(quantity));
    const settle = (orderNum: number, status: string) =>
      orderScripts.settleOrderMirror.run(redis, [redisKeys.orderMirror(orderNum), held, redisKeys.itemSettlingOrders(2)], [status, 'TEST', 60, 9, 1, orderNum]);
    await redis.hset(held, '9', '10');
    const [paying, failing, confirmed, refused] = [11, 12, 13, 14];
    await mirror(paying, 'IN_PROGRESS', 1);
    await mirror(failing, 'IN_PROGRESS', 2);
    await mirror(confirmed, 'CANCELED', 3);
    await mirror(refused, 'FAILED_QUANTITY', 4);

    await settle(paying, 'PAID');
    expect(await redis.hget(held, '9')).to.equal('10');
    await settle(failing, 'FAILED_CUSTOMER');
    expect(await redis.hget(held, '9')).to.equal('8');
    await settle(confirmed, 'CANCELED');
    await settle(refused, 'CANCELED');
    expect(await redis.hget(held, '9')).to.equal('8');
    await settle(paying, 'CANCELED');
    expect(await redis.hget(held, '9')).to.equal('7');
  });
});
