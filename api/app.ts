import express, { type Express, type Router } from 'express';
import type { ApiContext } from './context';
import { errorHandler, unknownRoute } from './middleware/error-handler';
import { parseJsonBody } from './middleware/json-body';
import { API_V1_PREFIX } from './paths';
import { requestObservation } from './middleware/request-logging';
import { ORDERS_PATH, soldOutFastLane } from './middleware/sold-out-fast-lane';
import { buildOpenApiDocument } from './openapi/document';
import { deadEntryRoutes } from './routes/dead-entries';
import { docsRoutes } from './routes/docs';
import { healthRoutes } from './routes/health';
import { apiV1Routes } from './routes';
import { operationsRoutes } from './routes/operations';
import { pageRoutes } from './routes/pages';

export interface MountedRouter {
  prefix: string;
  router: Router;
}

/** Every router of the API with where it is mounted (orders first: the spike's path); the OpenAPI test reads the same list. */
export function documentedRouters(ctx: ApiContext): MountedRouter[] {
  return [
    ...apiV1Routes(ctx).map((router) => ({ prefix: API_V1_PREFIX, router })),
    { prefix: '', router: healthRoutes(ctx) },
    { prefix: '', router: operationsRoutes(ctx) },
    { prefix: '', router: docsRoutes(buildOpenApiDocument(ctx.config)) },
    { prefix: '', router: deadEntryRoutes(ctx) },
  ];
}

/** Builds the Express app; listening and stopping are main.ts's job, so tests can mount it as they like. */
export function createApp(ctx: ApiContext): Express {
  const app = express();
  app.disable('x-powered-by');
  // Every answer is fresh JSON; hashing each body for an ETag no client sends back is wasted work.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.post(ORDERS_PATH, soldOutFastLane(ctx));
  app.use(requestObservation(ctx.logger, ctx.metrics));
  app.use(parseJsonBody(ctx.config.bodyLimit));
  for (const { prefix, router } of documentedRouters(ctx)) app.use(prefix || '/', router);
  app.use(pageRoutes(ctx.logger));
  app.use(unknownRoute);
  app.use(errorHandler(ctx.logger));
  return app;
}
