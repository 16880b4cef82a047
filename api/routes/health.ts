import { Router } from 'express';
import type { ApiContext } from '../context';
import { ok } from '../../shared/http-envelope';
import { serviceUnavailable } from '../../shared/errors';

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await check();
    return 'up';
  } catch {
    return 'down';
  }
}

/** /health: the process answers. /ready: it can also reach MySQL and Redis (for load balancers). */
export function healthRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json(ok('up', { uptimeSeconds: Math.round(process.uptime()) }));
  });
  router.get('/ready', async (_req, res) => {
    const [mysql, redis] = await Promise.all([probe(() => ctx.db.raw('SELECT 1')), probe(() => ctx.redis.ping())]);
    if (mysql === 'down' || redis === 'down') {
      throw serviceUnavailable('NOT_READY', `Not ready: MySQL ${mysql}, Redis ${redis}`, 5);
    }
    res.json(ok('ready', { mysql, redis }));
  });
  return router;
}
