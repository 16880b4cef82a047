import { Writable } from 'node:stream';
import { expect } from 'chai';
import pino from 'pino';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { startWorker, type RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { notTheApi } from './support/checked-answers';
import { freePort } from './support/free-port';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { testConfig } from './support/test-env';
import { waitFor } from './support/wait';
import { isolateTestFile } from './support/isolation';

const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'a-long-operator-password' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const ADMIN_AUTH = basic(ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD);

/** A worker whose log lines are kept, to see what it logged. */
async function startLoggedWorker(overrides: NodeJS.ProcessEnv): Promise<{ worker: RunningWorker; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = testConfig({ LOG_LEVEL: 'info', ...overrides });
  return { worker: await startWorker(config, pino({ level: 'info' }, sink)), lines };
}

describe('Operations', () => {
  isolateTestFile(__filename);
  describe('without an admin credential', () => {
    let api: RunningApi;
    before(async () => {
      api = await startTestApi();
    });
    after(async () => api.stop());

    it('When no ADMIN_USER/ADMIN_PASSWORD is set, /metrics and /admin/queues do not exist (404)', async () => {
      await request(api.url).get('/metrics').set('Authorization', ADMIN_AUTH).expect(404);
      await request(api.url).get('/admin/queues').set('Authorization', ADMIN_AUTH).expect(404);
    });
  });

  describe('with an admin credential', () => {
    let api: RunningApi;
    let seller: TestUser;
    let buyer: TestUser;
    before(async () => {
      api = await startTestApi(ADMIN);
      seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
      buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    });
    after(async () => api.stop());

    const order = (itemNum: number, price: number) =>
      request(api.url).post('/api/v1/orders').set('Authorization', `Bearer ${buyer.token}`).send({ buyerNum: buyer.userNum, itemNum, quantity: 1, price });

    it('When the credential is missing or wrong, /metrics, /admin/workers and /admin/queues answer 401 with a Basic challenge', async () => {
      for (const path of ['/metrics', '/admin/workers', '/admin/queues']) {
        const missing = await request(api.url).get(path).expect(401);
        expect(missing.headers['www-authenticate']).to.match(/^Basic /);
        await request(api.url).get(path).set('Authorization', basic(ADMIN.ADMIN_USER, 'wrong-password-here')).expect(401);
      }
    });

    it('When an operator scrapes /metrics, it shows HTTP latency by route and status, order outcomes, queue depth and age, line backlog, stock per item on sale and process metrics', async () => {
      const onSale = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 7 });
      const soldOut = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 0 });
      await order(onSale.itemNum, onSale.price).expect(200);
      await order(soldOut.itemNum, soldOut.price).expect(409);
      await order(soldOut.itemNum, soldOut.price).expect(409);

      const res = await request(api.url).get('/metrics').set('Authorization', ADMIN_AUTH).expect(200);
      expect(res.headers['content-type']).to.match(/^text\/plain/);
      const text = res.text;
      expect(text).to.match(/http_request_duration_seconds_count\{process="api",method="POST",route="\/api\/v1\/orders",status_code="409"\} 2/);
      expect(text).to.match(/http_request_duration_seconds_count\{process="api",method="POST",route="\/api\/v1\/orders",status_code="200"\} 1/);
      expect(text).to.match(/order_submissions_total\{outcome="SOLD_OUT",process="api"\} 2/);
      expect(text).to.match(/order_submissions_total\{outcome="ACCEPTED",process="api"\} 1/);
      expect(text).to.match(/order_queue_jobs\{partition="\d+",state="waiting",process="api"\} \d+/);
      expect(text).to.match(/order_queue_oldest_waiting_seconds\{partition="\d+",process="api"\} [\d.]+/);
      expect(text).to.include(`item_line_entries{item="${onSale.itemNum}",process="api"} 1`);
      expect(text).to.include(`item_stock_left{item="${onSale.itemNum}",process="api"} 7`);
      expect(text).to.include('process_cpu_seconds_total');
      expect(text).to.include('nodejs_eventloop_lag_seconds');
    });

    it('When an operator opens /admin/queues with the credential, the BullMQ dashboard is served', async () => {
      const res = await request(api.url).get('/admin/queues').set('Authorization', ADMIN_AUTH).expect(200);
      expect(res.text).to.match(/<html/i);
    });
  });

  describe('request ids and worker metrics', () => {
    let api: RunningApi;
    let seller: TestUser;
    let buyer: TestUser;
    before(async () => {
      api = await startTestApi();
      seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
      buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    });
    after(async () => api.stop());

    it('When a request carries a sane X-Request-Id it is echoed back; an unusable one is replaced by a fresh id', async () => {
      const given = await request(api.url).get('/health').set('X-Request-Id', 'lb-1234.abc').expect(200);
      expect(given.headers['x-request-id']).to.equal('lb-1234.abc');
      const replaced = await request(api.url).get('/health').set('X-Request-Id', 'has spaces and {braces}').expect(200);
      expect(replaced.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
    });

    it("When an order is paid, the request id travels with the drain job to the worker's log, and the worker's /metrics counts the outcome", async () => {
      const { itemNum, price } = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 3 });
      const requestId = `trace-${itemNum}`;
      const entered = await request(api.url)
        .post('/api/v1/orders')
        .set('Authorization', `Bearer ${buyer.token}`)
        .set('X-Request-Id', requestId)
        .send({ buyerNum: buyer.userNum, itemNum, quantity: 1, price })
        .expect(200);
      const orderNum = entered.body.data.orderNum as number;

      const port = await freePort();
      const { worker, lines } = await startLoggedWorker({ ...ADMIN, WORKER_METRICS_PORT: String(port), PAYMENT_FAILURE_RATE: '0' });
      try {
        await request(api.url).post(`/api/v1/try-payments/${orderNum}`).set('Authorization', `Bearer ${buyer.token}`).expect(202);
        await waitFor('the order to be paid', async () => (await api.ctx.db('orders').where({ id: orderNum }).first())?.status === 'PAID');
        const drained = await waitFor('the drain log line', () => lines.find((line) => line.msg === 'drained item line' && line.itemNum === itemNum));
        expect(drained.requestId).to.equal(requestId);

        const workerMetrics = `http://127.0.0.1:${port}`;
        notTheApi(workerMetrics, "a worker's metrics server: plain 401 without the envelope, not described by the API document");
        await request(workerMetrics).get('/metrics').expect(401);
        const metrics = await request(workerMetrics).get('/metrics').set('Authorization', ADMIN_AUTH).expect(200);
        expect(metrics.text).to.match(/orders_settled_total\{status="PAID",process="worker"\} 1/);
        expect(metrics.text).to.match(/drain_batch_duration_seconds_count\{process="worker"\} [1-9]/);
        expect(metrics.text).to.match(/drain_job_duration_seconds_count\{process="worker",queue="orders-p\d+"\} [1-9]/);
        expect(metrics.text).to.include('process_resident_memory_bytes');
      } finally {
        await worker.stop();
      }
    });
  });
});
