import express from 'express';

/**
 * The HTTP ceiling: a bare Express 5 JSON endpoint that parses the body and answers the envelope.
 * Never part of the product; the bench measures the API against it with the same load generator.
 */
const app = express();
app.use(express.json());
app.post('/bare', (req, res) => {
  res.json({ status: 'OK', message: 'bare', data: { itemNum: (req.body as { itemNum?: number }).itemNum ?? null } });
});
app.get('/health', (_req, res) => {
  res.json({ status: 'OK' });
});
const server = app.listen(Number(process.env.PORT ?? 18190), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
