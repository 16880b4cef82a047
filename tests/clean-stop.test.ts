import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { Knex } from 'knex';
import { auditItemInvariants } from '../testkit/invariant-audit';
import { documentMismatchOf } from './support/checked-answers';
import { createDb, type Db } from '../shared/db';
import { isSettled, type OrderStatus } from '../shared/orders/order-status';
import { createRedis } from '../shared/redis';
import { redisKeys } from '../shared/redis-keys';
import type { RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { freePort } from './support/free-port';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { OwnRedisServer } from './support/redis-server';
import { ServiceProcess } from './support/service-processes';
import { testConfig } from './support/test-env';
import { waitFor } from './support/wait';
import { startTestWorker } from './support/worker';
import { isolateTestFile } from './support/isolation';

interface Outcome {
  orderNum?: number;
  entered: number | string;
  paid?: number | string;
}

/**
 * One POST on a connection of its own (no keep-alive), as a new buyer arriving would open. An answer
 * that does not match the API document is recorded, like a transport failure, by what went wrong.
 */
function post(baseUrl: string, path: string, token: string, body?: unknown): Promise<{ status: number | string; body: { data?: { orderNum?: number } } }> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = httpRequest(`${baseUrl}${path}`, {
      method: 'POST',
      agent: false,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const mismatch = documentMismatchOf({ method: 'POST', url: `${baseUrl}${path}`, status, headers: res.headers, text });
        resolve(mismatch ? { status: mismatch.message, body: {} } : { status, body: JSON.parse(text) as { data?: { orderNum?: number } } });
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? 'TRANSPORT_ERROR', body: {} }));
    req.end(payload);
  });
}

/** Enter and pay one order; a transport failure is recorded by its error code instead of a status. */
async function enterAndPay(baseUrl: string, buyer: TestUser, item: { itemNum: number; price: number }): Promise<Outcome> {
  const entered = await post(baseUrl, '/api/v1/orders', buyer.token, { buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: item.price });
  if (entered.status !== 200) return { entered: entered.status };
  const orderNum = entered.body.data!.orderNum!;
  const paid = await post(baseUrl, `/api/v1/try-payments/${orderNum}`, buyer.token);
  return { orderNum, entered: 200, paid: paid.status };
}

/**
 * Whether another connection to this database is running a statement that locks the item's stock row
 * (while the caller holds that lock, it waits). INNODB_TRX does not always list such a wait: MariaDB
 * takes this lock while it plans the statement.
 */
async function stockRowLockAwaited(db: Db, itemNum: number): Promise<boolean> {
  const [rows] = (await db.raw(
    "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND COMMAND = 'Query' AND INFO LIKE ?",
    [`select % from \`stocks\` where \`item_id\` = ${itemNum} % for update`],
  )) as [{ n: number }[]];
  return Number(rows[0].n) > 0;
}

describe('Clean stop under load', function () {
  isolateTestFile(__filename);
  this.timeout(120_000);
  let db: Db;
  let redis: ReturnType<typeof createRedis>;

  before(async () => {
    const config = testConfig();
    db = createDb(config);
    redis = createRedis(config);
    await redis.connect();
  });
  after(async () => {
    await redis.quit();
    await db.destroy();
  });

  it('When a worker process starts, it lowers its CPU priority to WORKER_NICE, every thread of it (its garbage collector and compiler too), so that the API sharing its cores answers first', async () => {
    const worker = await ServiceProcess.start('worker', { WORKER_NICE: '7' });
    try {
      const expected = Math.max(7, os.getPriority());
      expect(os.getPriority(worker.child.pid)).to.equal(expected);
      const threads = readdirSync(`/proc/${worker.child.pid}/task`).map(Number);
      expect(threads.length).to.be.greaterThan(1);
      expect(threads.map((thread) => os.getPriority(thread))).to.deep.equal(threads.map(() => expected));
    } finally {
      await worker.stop();
    }
  });

  it('When the API and the worker get SIGTERM mid-spike, in-flight requests finish, both exit 0, and every accepted order and payment settles once with nothing half written', async () => {
    const config = testConfig();
    const seller = await insertUser(db, config, 'SELLER');
    const buyers = await Promise.all(Array.from({ length: 50 }, () => insertUser(db, config, 'BUYER')));
    const item = await insertItem(db, redis, seller.userNum, { stock: 200 });
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = await ServiceProcess.start('api', { PORT: String(port) });
    const worker = await ServiceProcess.start('worker', { PAYMENT_FAILURE_RATE: '0.2' });

    const outcomes: Outcome[] = [];
    let stopSent = false;
    let answeredAfterStop = 0;
    const lane = async (lane: number) => {
      for (let i = 0; ; i++) {
        const outcome = await enterAndPay(baseUrl, buyers[(lane + i * 25) % buyers.length], item);
        outcomes.push(outcome);
        if (stopSent && typeof outcome.entered === 'number') answeredAfterStop += 1;
        if (typeof outcome.entered === 'string' || typeof outcome.paid === 'string') return;
      }
    };
    const load = Promise.all(Array.from({ length: 25 }, (_, i) => lane(i)));
    await waitFor('the spike to be under way', () => outcomes.length >= 150, 30_000, 10);
    stopSent = true;
    api.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    const [apiExit, workerExit] = await Promise.all([api.exited, worker.exited]);
    await load;

    expect(apiExit, 'API exit code').to.equal(0);
    expect(workerExit, 'worker exit code').to.equal(0);
    // After the stop nothing is accepted any more: new connections are refused (or, still waiting
    // in the kernel's accept queue when the server closed, reset before any byte was read): no
    // request gets half an answer or a 5xx.
    const failures = new Set(outcomes.flatMap((o) => [o.entered, o.paid]).filter((status) => typeof status === 'string'));
    expect(failures).to.include('ECONNREFUSED');
    expect([...failures].filter((code) => code !== 'ECONNREFUSED' && code !== 'ECONNRESET')).to.deep.equal([]);
    const unexpected = outcomes.filter((o) => typeof o.entered === 'number' && ![200, 409].includes(o.entered));
    expect(unexpected).to.deep.equal([]);

    // Whatever the stopped processes left in Redis a new worker finishes; MySQL holds no half-written order.
    const accepted = outcomes.filter((o) => o.orderNum !== undefined);
    const paying = accepted.filter((o) => o.paid === 202).map((o) => o.orderNum!);
    expect(paying.length).to.be.greaterThan(50);
    const restarted = await startTestWorker();
    try {
      await waitFor(
        'every accepted order to be in MySQL and every payment settled',
        async () => {
          const rows: { id: number; status: OrderStatus }[] = await db('orders').where({ item_id: item.itemNum }).select('id', 'status');
          const statusOf = new Map(rows.map((row) => [Number(row.id), row.status]));
          return accepted.every((o) => statusOf.has(o.orderNum!)) && paying.every((orderNum) => isSettled(statusOf.get(orderNum) ?? 'INITIATED'));
        },
        30_000,
        100,
      );
      expect(await auditItemInvariants(db, item.itemNum, paying)).to.deep.equal([]);
    } finally {
      await restarted.stop();
    }
    expect(answeredAfterStop, 'requests in flight at SIGTERM that still got their answer').to.be.greaterThan(0);
  });

  it('When a worker gets SIGTERM while Redis is down and its drain job waits for Redis, it gives the job up and exits 0 within its grace; with Redis back, the order still settles PAID and the line empties', async () => {
    const ownRedis = await OwnRedisServer.start('always');
    const env = { REDIS_URL: ownRedis.url, PAYMENT_FAILURE_RATE: '0' };
    const api = await startTestApi(env);
    let worker: ServiceProcess | undefined;
    let restarted: RunningWorker | undefined;
    let stockLock: Knex.Transaction | undefined;
    try {
      worker = await ServiceProcess.start('worker', env);
      const config = testConfig();
      const seller = await insertUser(db, config, 'SELLER');
      const buyer = new BuyerClient(api.url, await insertUser(db, config, 'BUYER'));
      const item = await insertItem(db, api.ctx.redis, seller.userNum, { stock: 5 });
      const orderNum = await buyer.enter(item.itemNum, item.price);
      const statusInMysql = async () => ((await db('orders').where({ id: orderNum }).first()) as { status: OrderStatus } | undefined)?.status;
      await waitFor('the order in MySQL', async () => (await statusInMysql()) === 'INITIATED');

      // The payment's drain job is held on the item's stock row while Redis goes away, then
      // commits in MySQL and waits for Redis to take its step: a job in hand that cannot end.
      stockLock = await db.transaction();
      await stockLock('stocks').where({ item_id: item.itemNum }).forUpdate().first();
      await buyer.pay(orderNum).expect(202);
      await waitFor('the drain job to wait for the stock row', () => stockRowLockAwaited(db, item.itemNum));
      await ownRedis.kill();
      await stockLock.rollback();
      await waitFor('the payment to commit in MySQL', async () => (await statusInMysql()) === 'PAID');
      const stopSent = Date.now();
      worker.child.kill('SIGTERM');
      expect(await Promise.race([worker.exited, sleep(25_000, 'still running after 25 s')]), 'worker exit').to.equal(0);
      expect(Date.now() - stopSent).to.be.below(15_000);
      expect(worker.logLines(40).map((line) => line.msg)).to.include('drain job still running at the end of the grace: given up, BullMQ runs it again');

      await ownRedis.restart();
      restarted = await startTestWorker(env);
      await waitFor('the order to read PAID and the line to be empty', async () => {
        const answer = await buyer.poll(orderNum);
        // 503 while the service rebuilds Redis's state after the restart.
        return answer.status === 200 && answer.body.data.status === 'PAID' && (await api.ctx.redis.llen(redisKeys.itemLine(item.itemNum))) === 0;
      }, 30_000, 100);
      expect(await auditItemInvariants(db, item.itemNum, [orderNum])).to.deep.equal([]);
    } finally {
      if (stockLock && !stockLock.isCompleted()) await stockLock.rollback();
      await restarted?.stop();
      await worker?.kill();
      await api.stop();
      await ownRedis.stop();
    }
  });
});
