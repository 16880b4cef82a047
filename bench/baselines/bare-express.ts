import { createServer } from 'node:http';
import express from 'express';
import { createServerOf } from '../../shared/express-server';

/**
 * The HTTP ceiling: bare Express 5 JSON endpoints that parse the body and answer the envelope.
 * Never part of the product; the bench measures the API against it with the same load generator.
 * `/bare` is the ceiling of one request; the order and payment routes, with the stock in this
 * process's memory (no Redis, no MySQL, no auth), are the ceiling of the capacity knee's arrivals.
 * Two servers of the one app: on PORT it is served as the API is (createServerOf: Express's
 * per-request prototype swap, which the API avoids, is not counted against the ceiling); on
 * PLAIN_PORT by a plain node:http server, as `app.listen` would: the "bare Express JSON endpoint"
 * of DESIGN §8, whose reference figure was measured that way.
 */
const app = express();
app.use(express.json());
app.post('/bare', (req, res) => {
  res.json({ status: 'OK', message: 'bare', data: { itemNum: (req.body as { itemNum?: number }).itemNum ?? null } });
});

const stockByItem = new Map<number, number>();
let lastOrderNum = 0;
app.put('/bare/items/:itemNum/stock', (req, res) => {
  stockByItem.set(Number(req.params.itemNum), Number((req.body as { stock?: number }).stock ?? 0));
  res.json({ status: 'OK' });
});
app.post('/api/v1/orders', (req, res) => {
  const { itemNum, quantity } = req.body as { itemNum: number; quantity: number };
  const left = stockByItem.get(itemNum) ?? 0;
  if (left < quantity) {
    res.status(409).json({ status: 'CONFLICT', message: 'This item is sold out', code: 'SOLD_OUT' });
    return;
  }
  stockByItem.set(itemNum, left - quantity);
  res.json({ status: 'OK', message: 'order entered', data: { orderNum: ++lastOrderNum, itemNum, quantity, status: 'INITIATED' } });
});
app.post('/api/v1/orders/try-payments/:orderNum', (req, res) => {
  res.status(202).json({ status: 'ACCEPTED', message: 'payment in progress', data: { orderNum: Number(req.params.orderNum), status: 'IN_PROGRESS' } });
});

// This process's CPU so far, read between the capacity knee's steps (CPU per arrival of the ceiling).
app.get('/bare/cpu', (_req, res) => {
  const { user, system } = process.cpuUsage();
  res.json({ seconds: (user + system) / 1e6 });
});

app.get('/health', (_req, res) => {
  res.json({ status: 'OK' });
});
const servers = [createServerOf(app).listen(Number(process.env.PORT ?? 18190), '127.0.0.1'), createServer(app).listen(Number(process.env.PLAIN_PORT ?? 18189), '127.0.0.1')];
process.on('SIGTERM', () => void Promise.all(servers.map((server) => new Promise((closed) => server.close(closed)))).then(() => process.exit(0)));
