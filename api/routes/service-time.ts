import { Router } from 'express';
import { ok } from '../../shared/http-envelope';
import { serviceTime } from '../../shared/redis-clock';
import type { ApiContext } from '../context';

/** The service's clock for pages: public, one Redis TIME, no MySQL; never cached, it is a reading. */
export function serviceTimeRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/time', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(ok('Service time', await serviceTime(ctx)));
  });
  return router;
}
