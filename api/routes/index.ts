import { Router } from 'express';
import type { ApiContext } from '../context';

/** Everything under /api/v1: one router per resource. */
export function apiV1Routes(_ctx: ApiContext): Router {
  const router = Router();
  return router;
}
