import type { Router } from 'express';
import type { ApiContext } from '../context';
import { itemRoutes } from './items';
import { orderEventRoutes } from './order-events';
import { orderRoutes } from './orders';
import { serviceTimeRoutes } from './service-time';
import { sellerRoutes } from './sellers';
import { userRoutes } from './users';

/** Everything under /api/v1: one router per resource, orders first (the spike's path). */
export function apiV1Routes(ctx: ApiContext): Router[] {
  return [orderRoutes(ctx), orderEventRoutes(ctx), itemRoutes(ctx), sellerRoutes(ctx), userRoutes(ctx), serviceTimeRoutes(ctx)];
}
