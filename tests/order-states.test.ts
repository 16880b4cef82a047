import path from 'node:path';
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { LuaScript } from '../shared/lua/lua-script';
import { ORDER_SCRIPT_FRAGMENTS, orderScripts } from '../shared/orders/order-scripts';
import { canTransition, isSettled, ORDER_STATUSES, SETTLED_STATUSES } from '../shared/orders/order-status';
import { redisKeys } from '../shared/redis-keys';
import { connectTestRedis } from './support/test-redis';

/** The state machine as the order scripts include it ("generated/order-states"). */
const probe = new LuaScript(path.join(__dirname, 'fixtures', 'lua', 'order-states-probe.lua'), 0, (raw) => raw as string[], ORDER_SCRIPT_FRAGMENTS);

describe('The order state machine, one table for TypeScript and Lua', () => {
  let redis: Redis;
  before(async () => {
    redis = await connectTestRedis();
  });
  after(async () => redis.quit());

  it('When the Lua steps ask where a status may go and whether it is settled, they get what the TypeScript table says, for every pair', async () => {
    const statuses = [...ORDER_STATUSES, 'NOT_A_STATUS'];
    const expected = statuses.flatMap((from) => {
      const known = (ORDER_STATUSES as string[]).includes(from);
      const settled = known && isSettled(from as (typeof ORDER_STATUSES)[number]);
      const moves = statuses.filter((to) => known && (ORDER_STATUSES as string[]).includes(to) && canTransition(from as never, to as never));
      return [`${from} ${settled ? 'settled' : 'under way'}`, ...moves.map((to) => `${from} -> ${to}`)];
    });
    expect(await probe.run(redis, [], statuses)).to.deep.equal(expected);
  });

  it('When the table is read, DESIGN §4 is what it says: paid, failed and canceled orders are settled, only PAID may still be canceled', () => {
    expect(SETTLED_STATUSES).to.deep.equal(['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED']);
    expect(ORDER_STATUSES.filter((from) => canTransition(from, 'CANCELED'))).to.deep.equal(['INITIATED', 'PAID']);
  });

  it('When a mirror would move where the state machine does not allow, it keeps its status; an allowed move or a restated status settles it and lets it expire', async () => {
    const mirror = (orderNum: number) => redisKeys.orderMirror(orderNum);
    const settle = (orderNum: number, status: string) => orderScripts.settleOrderMirror.run(redis, [mirror(orderNum)], [status, 'TEST', Date.now(), 60]);
    const base = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
    await redis.hset(mirror(base), 'status', 'FAILED_CUSTOMER');
    await redis.hset(mirror(base + 1), 'status', 'IN_PROGRESS');
    await redis.hset(mirror(base + 2), 'status', 'CANCELED');

    expect(await settle(base, 'CANCELED')).to.equal(false);
    expect(await redis.hget(mirror(base), 'status')).to.equal('FAILED_CUSTOMER');
    expect(await settle(base + 1, 'PAID')).to.equal(true);
    expect(await redis.hget(mirror(base + 1), 'status')).to.equal('PAID');
    expect(await redis.ttl(mirror(base + 1))).to.be.within(1, 60);
    expect(await settle(base + 2, 'CANCELED')).to.equal(true);
    expect(await redis.ttl(mirror(base + 2))).to.be.within(1, 60);
    expect(await settle(base + 3, 'PAID'), 'no mirror').to.equal(false);
    expect(await redis.exists(mirror(base + 3))).to.equal(0);
    await redis.del(mirror(base), mirror(base + 1), mirror(base + 2));
  });
});
