import { expect } from 'chai';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { startTestApi } from './support/api';
import { TcpProxy } from './support/tcp-proxy';
import { startTestWorker } from './support/worker';
import { testConfig } from './support/test-env';
import { startApi } from '../api/server';
import { isolateTestFile } from './support/isolation';

describe('Health and errors', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  before(async () => {
    api = await startTestApi();
  });
  after(async () => api.stop());

  it('When the process is up, /health answers OK in the envelope', async () => {
    const res = await request(api.url).get('/health').expect(200);
    expect(res.body).to.include({ status: 'OK' });
  });

  it('When MySQL and Redis are reachable, /ready says so and how many workers run, without naming their hosts or pids', async () => {
    const res = await request(api.url).get('/ready').expect(200);
    expect(res.body.data).to.include({ mysql: 'up', redis: 'up' });
    expect(res.body.data.workers).to.be.a('number');
  });

  it('When a route does not exist, the answer is 404 ROUTE_NOT_FOUND in the envelope', async () => {
    const res = await request(api.url).get('/api/v1/nowhere').expect(404);
    expect(res.body).to.include({ status: 'NOT_FOUND', code: 'ROUTE_NOT_FOUND' });
  });

  it('When the body is not JSON, the answer is 400 MALFORMED_JSON without a stack trace', async () => {
    const res = await request(api.url)
      .post('/api/v1/users/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body).to.include({ status: 'BAD_REQUEST', code: 'MALFORMED_JSON' });
    expect(JSON.stringify(res.body)).not.to.match(/at .*\.(ts|js):\d+/);
  });

  it('When the body is larger than the limit, the answer is 413', async () => {
    const res = await request(api.url)
      .post('/api/v1/users/login')
      .send({ email: 'a@b.c', password: 'x'.repeat(64 * 1024) })
      .expect(413);
    expect(res.body).to.include({ status: 'PAYLOAD_TOO_LARGE' });
  });

  it('When MySQL is not reachable at start, the API refuses to start with a message that says what to do', async () => {
    const config = testConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:1/reservation_purchase_test' });
    let message = '';
    await startApi(config).catch((error: Error) => (message = error.message));
    expect(message).to.match(/^MySQL not reachable at 127\.0\.0\.1:1: start it or set DATABASE_URL/);
  });

  it('When MySQL at start takes connections but answers later than the connect timeout (a busy server), the API and a worker wait for it and start', async () => {
    const { proxy, databaseUrl } = await TcpProxy.inFrontOfTestMysql();
    try {
      proxy.hold();
      const startedAt = Date.now();
      const starting = Promise.allSettled([startTestApi({ DATABASE_URL: databaseUrl }), startTestWorker({ DATABASE_URL: databaseUrl })]);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      proxy.release();
      const [slowApi, slowWorker] = await starting;
      try {
        expect(slowApi.status, 'the API').to.equal('fulfilled');
        expect(slowWorker.status, 'the worker').to.equal('fulfilled');
        expect(Date.now() - startedAt).to.be.at.least(2000);
        if (slowApi.status === 'fulfilled') await request(slowApi.value.url).get('/ready').expect(200);
      } finally {
        if (slowApi.status === 'fulfilled') await slowApi.value.stop();
        if (slowWorker.status === 'fulfilled') await slowWorker.value.stop();
      }
    } finally {
      await proxy.close();
    }
  });
});
