import { expect } from 'chai';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { redisKeys } from '../shared/redis-keys';
import { hashPassword } from '../shared/users/passwords';
import { startTestApi } from './support/api';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { isolateTestFile } from './support/isolation';

/** Limits live in Redis, so two API processes (here: two apps) share them. */
describe('Rate limits', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let secondApi: RunningApi;
  let seller: TestUser;

  before(async () => {
    const limits = { ORDER_RATE_LIMIT: '3', ORDER_RATE_WINDOW_SECONDS: '60', AUTH_RATE_LIMIT_PER_IP: '4', LOGIN_ATTEMPTS_PER_ADDRESS: '2' };
    api = await startTestApi(limits);
    secondApi = await startTestApi(limits);
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
  });
  after(async () => {
    await api.stop();
    await secondApi.stop();
  });

  it('When a buyer submits more orders than ORDER_RATE_LIMIT in the window, across API processes, the next is 429 ORDER_RATE_LIMITED with Retry-After and no order is made', async () => {
    const buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 100 });
    const submit = (target: RunningApi) =>
      request(target.url).post('/api/v1/orders').set('Authorization', `Bearer ${buyer.token}`).send({ buyerNum: buyer.userNum, itemNum, quantity: 1, price });
    await submit(api).expect(200);
    await submit(secondApi).expect(200);
    await submit(api).expect(200);
    const refused = await submit(secondApi).expect(429);
    expect(refused.body).to.include({ status: 'TOO_MANY_REQUESTS', code: 'ORDER_RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).to.be.within(1, 60);
    const other = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    await request(api.url).post('/api/v1/orders').set('Authorization', `Bearer ${other.token}`).send({ buyerNum: other.userNum, itemNum, quantity: 1, price }).expect(200);
    expect(await api.ctx.redis.llen(redisKeys.itemLine(itemNum))).to.equal(4);
  });

  it('When one address has made LOGIN_ATTEMPTS_PER_ADDRESS login attempts in the window, across API processes, the next is 429 with Retry-After even with the right password', async () => {
    const email = `limited-${Date.now()}@example.com`;
    const password = 'the right password';
    await api.ctx.db('users').insert({ email, name: 'Limited', password_hash: await hashPassword(password), role: 'BUYER' });
    const logIn = (target: RunningApi, attempt: string) => request(target.url).post('/api/v1/users/login').send({ email, password: attempt });
    await logIn(api, 'not the password').expect(401);
    await logIn(secondApi, 'not the password').expect(401);
    const refused = await logIn(api, password).expect(429);
    expect(refused.body).to.include({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).to.be.greaterThan(0);
  });

  it('When one IP asks for more verification mails than AUTH_RATE_LIMIT_PER_IP, the next is 429 with Retry-After', async () => {
    const ask = (i: number) => request(api.url).post('/api/v1/verification').send({ email: `ip-limit-${i}-${Date.now()}@example.com` });
    for (let i = 0; i < 4; i++) await ask(i).expect(200);
    const refused = await ask(5).expect(429);
    expect(refused.body).to.include({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).to.be.greaterThan(0);
  });
});
