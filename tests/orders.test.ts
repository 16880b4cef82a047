import { expect } from 'chai';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { redisKeys } from '../shared/redis-keys';
import { revokeAllTokensForever, revokeTokensIssuedBefore } from '../shared/users/access-tokens';
import { startTestApi } from './support/api';
import { countMysqlQueries } from './support/mysql-query-counter';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { isolateTestFile } from './support/isolation';

describe('Entering an order', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;
  let buyer: TestUser;

  before(async () => {
    api = await startTestApi();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
  });
  after(async () => api.stop());

  const order = (user: TestUser, body: Record<string, unknown>) =>
    request(api.url).post('/api/v1/orders').set('Authorization', `Bearer ${user.token}`).send(body);

  it('When a buyer orders an item on sale, the answer is INITIATED with an orderNum and no MySQL query is made', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 5 });
    let res!: request.Response;
    const queries = await countMysqlQueries(api.ctx.db, async () => {
      res = await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 2, price }).expect(200);
    });
    expect(queries).to.equal(0);
    expect(res.body).to.include({ status: 'OK' });
    expect(res.body.data).to.include({ buyerNum: buyer.userNum, itemNum, quantity: 2, status: 'INITIATED' });
    const mirror = await api.ctx.redis.hgetall(redisKeys.orderMirror(res.body.data.orderNum));
    expect(mirror).to.include({ status: 'INITIATED', quantity: '2', amount: String(2 * price) });
  });

  it('When the price sent is not the item price, the order is refused with 409 PRICE_MISMATCH', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const res = await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 1, price: price - 1 }).expect(409);
    expect(res.body).to.include({ status: 'CONFLICT', code: 'PRICE_MISMATCH' });
    expect(res.body.data).to.deep.equal({ price });
  });

  it('When a reservation item opens later, the order is refused with 409 NOT_OPEN_YET and the opening time', async () => {
    const availableAt = new Date(Date.now() + 3_600_000);
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { availableAt });
    const res = await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 1, price }).expect(409);
    expect(res.body).to.include({ code: 'NOT_OPEN_YET' });
    expect(res.body.data).to.deep.equal({ availableAt: availableAt.toISOString() });
  });

  it('When a reservation item has ended, the order is refused with 409 SALE_ENDED', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, {
      availableAt: new Date(Date.now() - 7_200_000),
      endAt: new Date(Date.now() - 3_600_000),
    });
    const res = await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 1, price }).expect(409);
    expect(res.body).to.include({ code: 'SALE_ENDED' });
  });

  it('When the item is inside its window, a reservation item can be ordered', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, {
      availableAt: new Date(Date.now() - 1000),
      endAt: new Date(Date.now() + 3_600_000),
    });
    await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 1, price }).expect(200);
  });

  it('When the item is sold out and nothing is in flight, the order gets 409 SOLD_OUT from Redis alone: no MySQL, nothing queued', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 0 });
    const lineBefore = await api.ctx.redis.llen(redisKeys.itemLine(itemNum));
    let res!: request.Response;
    const queries = await countMysqlQueries(api.ctx.db, async () => {
      res = await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 1, price }).expect(409);
    });
    expect(res.body).to.include({ code: 'SOLD_OUT' });
    expect(queries).to.equal(0);
    expect(await api.ctx.redis.llen(redisKeys.itemLine(itemNum))).to.equal(lineBefore);
  });

  it('When orders keep coming for a sold-out item, each gets the same 409 envelope with its own request id, while a missing token still gets 401 and a seller 403', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 0 });
    const body = { buyerNum: buyer.userNum, itemNum, quantity: 1, price };
    const first = await order(buyer, body).expect(409);
    const again = await order(buyer, body).set('X-Request-Id', 'drop-42').expect(409).expect('Content-Type', /^application\/json/);
    expect(again.body).to.deep.equal(first.body);
    expect(again.body).to.deep.equal({ status: 'CONFLICT', code: 'SOLD_OUT', message: 'This item is sold out', data: null });
    expect(again.headers['x-request-id']).to.equal('drop-42');
    expect(first.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
    await request(api.url).post('/api/v1/orders').send(body).expect(401);
    await request(api.url).post('/api/v1/orders').set('Authorization', 'Bearer not.a.token').send(body).expect(401);
    const bySeller = await order(seller, body).expect(403);
    expect(bySeller.body.code).to.equal('ROLE_REQUIRED');
  });

  it('When an order body is not JSON or too large, the answer is 400 or 413 in the envelope with its request id, as on any other route', async () => {
    const malformed = await request(api.url)
      .post('/api/v1/orders')
      .set('Authorization', `Bearer ${buyer.token}`)
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'broken-body')
      .send('{"itemNum": ')
      .expect(400);
    expect(malformed.body).to.include({ status: 'BAD_REQUEST', code: 'MALFORMED_JSON' });
    expect(malformed.headers['x-request-id']).to.equal('broken-body');
    const tooLarge = await order(buyer, { buyerNum: buyer.userNum, itemNum: 1, quantity: 1, price: 1, note: 'x'.repeat(64 * 1024) }).expect(413);
    expect(tooLarge.body).to.include({ status: 'PAYLOAD_TOO_LARGE' });
    expect(tooLarge.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('When more units are asked than are left and nothing is in flight, the order gets 409 INSUFFICIENT_STOCK', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 1 });
    const res = await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 2, price }).expect(409);
    expect(res.body).to.include({ code: 'INSUFFICIENT_STOCK' });
    expect(res.body.data).to.deep.equal({ stock: 1 });
  });

  it('When the item does not exist, the order gets 404 ITEM_NOT_FOUND', async () => {
    const res = await order(buyer, { buyerNum: buyer.userNum, itemNum: 987654321, quantity: 1, price: 1000 }).expect(404);
    expect(res.body).to.include({ code: 'ITEM_NOT_FOUND' });
  });

  it('When the item was deleted, the order gets 404', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    await api.ctx.redis.hset(redisKeys.itemSaleState(itemNum), 'deleted', '1');
    await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 1, price }).expect(404);
  });

  it('When Redis has lost the item, the first order loads it from MySQL and succeeds', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    await api.ctx.redis.del(redisKeys.itemSaleState(itemNum));
    await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity: 1, price }).expect(200);
  });

  it('When quantity is zero, fractional or above the per-order maximum, the order is refused with 400 naming quantity', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    for (const quantity of [0, 1.5, api.ctx.config.maxOrderQuantity + 1, '2x']) {
      const res = await order(buyer, { buyerNum: buyer.userNum, itemNum, quantity, price }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).to.include('quantity');
    }
  });

  it('When buyerNum is not the caller, the order is refused with 403', async () => {
    const other = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    await order(buyer, { buyerNum: other.userNum, itemNum, quantity: 1, price }).expect(403);
  });

  it('When a seller tries to order, the answer is 403; without a token it is 401', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    await order(seller, { buyerNum: seller.userNum, itemNum, quantity: 1, price }).expect(403);
    await request(api.url).post('/api/v1/orders').send({ buyerNum: buyer.userNum, itemNum, quantity: 1, price }).expect(401);
  });

  it('When the buyer\'s tokens were revoked or the account deleted, entering an order and trying payment answer 401', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum);
    const leaving = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    const entered = await order(leaving, { buyerNum: leaving.userNum, itemNum, quantity: 1, price }).expect(200);
    await revokeTokensIssuedBefore(api.ctx.redis, leaving.userNum, Date.now() + 1);
    const revoked = await order(leaving, { buyerNum: leaving.userNum, itemNum, quantity: 1, price }).expect(401);
    expect(revoked.body).to.include({ code: 'TOKEN_REVOKED' });
    await revokeAllTokensForever(api.ctx.redis, leaving.userNum);
    const deleted = await request(api.url)
      .post(`/api/v1/try-payments/${entered.body.data.orderNum}`)
      .set('Authorization', `Bearer ${leaving.token}`)
      .expect(401);
    expect(deleted.body).to.include({ code: 'ACCOUNT_DELETED' });
    expect(await api.ctx.redis.hget(redisKeys.orderMirror(entered.body.data.orderNum), 'status')).to.equal('INITIATED');
  });

  it('When a submission is retried with the same Idempotency-Key, the first answer comes back and no second order is made', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 1 });
    const body = { buyerNum: buyer.userNum, itemNum, quantity: 1, price };
    const answers = await Promise.all(
      [1, 2, 3].map(() => order(buyer, body).set('Idempotency-Key', 'retry-42').expect(200)),
    );
    const orderNums = new Set(answers.map((res) => res.body.data.orderNum));
    expect(orderNums.size).to.equal(1);
    expect(await api.ctx.redis.llen(redisKeys.itemLine(itemNum))).to.equal(1);
    const reused = await order(buyer, { ...body, quantity: 2 }).set('Idempotency-Key', 'retry-42').expect(409);
    expect(reused.body).to.include({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('When an accepted submission is retried with its Idempotency-Key after the item sold out, the retry still gets the order, not the remembered SOLD_OUT', async () => {
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 1 });
    const body = { buyerNum: buyer.userNum, itemNum, quantity: 1, price };
    const first = await order(buyer, body).set('Idempotency-Key', 'lost-answer-7').expect(200);
    await api.ctx.redis.hset(redisKeys.itemSaleState(itemNum), 'stock', '0');
    const other = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    const otherBody = { ...body, buyerNum: other.userNum };
    expect((await order(other, otherBody).expect(409)).body.code).to.equal('SOLD_OUT');
    expect((await order(other, otherBody).expect(409)).body.code).to.equal('SOLD_OUT');

    const retried = await order(buyer, body).set('Idempotency-Key', 'lost-answer-7').expect(200);
    expect(retried.body.data).to.deep.equal(first.body.data);
  });
});
