import express, { type Express } from 'express';
import type { ApiContext } from './context';
import { errorHandler, unknownRoute } from './middleware/error-handler';
import { healthRoutes } from './routes/health';
import { apiV1Routes } from './routes';

/** Builds the Express app; listening and stopping are main.ts's job, so tests can mount it as they like. */
export function createApp(ctx: ApiContext): Express {
  const app = express();
  app.disable('x-powered-by');
  // Every answer is fresh JSON; hashing each body for an ETag no client sends back is wasted work.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: ctx.config.bodyLimit }));
  app.use('/api/v1', apiV1Routes(ctx));
  app.use(healthRoutes(ctx));
  app.use(unknownRoute);
  app.use(errorHandler(ctx.logger));
  return app;
}
