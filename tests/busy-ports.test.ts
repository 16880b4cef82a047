import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { expect } from 'chai';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { EXIT_NEEDS_CONFIGURATION } from '../shared/lifecycle';
import type { WorkerEntry } from '../shared/worker-roster';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { insertItem, insertUser } from './support/order-fixtures';
import { ServiceProcess } from './support/service-processes';
import { isolateTestFile } from './support/isolation';

/** Another process's listener on a free port, on every interface as the service binds. */
async function holdAPort(): Promise<{ port: number; holder: Server }> {
  const holder = createServer().listen(0, '0.0.0.0');
  await once(holder, 'listening');
  return { port: (holder.address() as { port: number }).port, holder };
}

describe('Ports already taken (a second copy, the suite or a bench on the same machine)', function () {
  isolateTestFile(__filename);
  this.timeout(60_000);
  const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'a-long-operator-password' };
  let api: RunningApi;
  let taken: { port: number; holder: Server };
  before(async () => {
    api = await startTestApi(ADMIN);
    taken = await holdAPort();
  });
  after(async () => {
    taken.holder.close();
    await api.stop();
  });

  const listedWorkers = async () =>
    (await request(api.url).get('/admin/workers').auth(ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD).expect(200)).body.data.workers as WorkerEntry[];

  it('When WORKER_METRICS_PORT is taken, the worker logs one error naming the variable, drains orders all the same, and GET /admin/workers lists it with its metrics unavailable until it stops', async () => {
    const seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    const buyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 5 });
    const worker = await ServiceProcess.start('worker', { WORKER_METRICS_PORT: String(taken.port), PAYMENT_FAILURE_RATE: '0' });
    try {
      const orders = [await buyer.enterAndPay(item.itemNum, item.price), await buyer.enterAndPay(item.itemNum, item.price)];
      for (const orderNum of orders) await buyer.settled(orderNum, 'PAID');
      expect(worker.child.exitCode, 'the worker is still running').to.equal(null);

      const errors = worker.logLines(50);
      expect(errors, 'error lines').to.have.length(1);
      expect(errors[0].msg).to.include(`port ${taken.port} is already in use`).and.to.include('set WORKER_METRICS_PORT');

      const listed = (await listedWorkers()).find((entry) => entry.pid === worker.child.pid);
      expect(listed).to.include({ metrics: 'unavailable', metricsPort: taken.port });
      expect(listed!.problem).to.include('set WORKER_METRICS_PORT');
    } finally {
      await worker.stop();
    }
    expect((await listedWorkers()).map((entry) => entry.pid)).not.to.include(worker.child.pid);
  });

  it('When PORT is taken, the API exits at once with a code that says "fix the configuration" and a message naming PORT', async () => {
    const second = ServiceProcess.launch('api', { PORT: String(taken.port) });
    expect(await second.exited).to.equal(EXIT_NEEDS_CONFIGURATION);
    expect(second.stderr.join('\n')).to.include(`port ${taken.port} is already in use`).and.to.include('set PORT to a free port');
  });
});
