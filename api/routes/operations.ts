import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router } from 'express';
import { adminOnly } from '../../shared/http/admin-only';
import { ok } from '../../shared/http-envelope';
import { liveWorkers } from '../../shared/worker-roster';
import type { ApiContext } from '../context';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const WORKERS_PATH = '/admin/workers';

/** Operator pages behind the admin credential: Prometheus metrics, the running workers and the BullMQ dashboard. */
export function operationsRoutes(ctx: ApiContext): Router {
  const router = Router();
  const admin = adminOnly(ctx.config);

  router.get('/metrics', admin, async (_req, res) => {
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.exposition());
  });

  // Workers have no HTTP port of their own: here is where they run and how their metrics port fares.
  router.get(WORKERS_PATH, admin, async (_req, res) => {
    res.json(ok('workers', { workers: await liveWorkers(ctx.redis) }));
  });

  const dashboard = new ExpressAdapter();
  dashboard.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: ctx.orderQueues.queues.map((queue) => new BullMQAdapter(queue)), serverAdapter: dashboard });
  router.use(QUEUE_DASHBOARD_PATH, admin, dashboard.getRouter() as Router);
  return router;
}
