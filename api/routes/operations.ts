import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router } from 'express';
import { adminOnly } from '../../shared/http/admin-only';
import type { ApiContext } from '../context';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Operator pages behind the admin credential: Prometheus metrics and the BullMQ dashboard. */
export function operationsRoutes(ctx: ApiContext): Router {
  const router = Router();
  const admin = adminOnly(ctx.config);

  router.get('/metrics', admin, async (_req, res) => {
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.exposition());
  });

  const dashboard = new ExpressAdapter();
  dashboard.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: ctx.orderQueues.queues.map((queue) => new BullMQAdapter(queue)), serverAdapter: dashboard });
  router.use(QUEUE_DASHBOARD_PATH, admin, dashboard.getRouter() as Router);
  return router;
}
