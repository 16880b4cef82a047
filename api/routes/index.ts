import { Router } from 'express';
import type { ApiContext } from '../context';
import { itemRoutes } from './items';
import { orderRoutes } from './orders';
import { userRoutes } from './users';

/** Everything under /api/v1: one router per resource. */
export function apiV1Routes(ctx: ApiContext): Router {
  const router = Router();
  router.use(orderRoutes(ctx));
  router.use(itemRoutes(ctx));
  router.use(userRoutes(ctx));
  return router;
}
