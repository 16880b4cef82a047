import { Router } from 'express';
import type { ApiContext } from '../context';
import { ok } from '../../shared/http-envelope';
import { serviceUnavailable } from '../../shared/errors';
import { liveWorkers, type WorkerEntry } from '../../shared/worker-roster';

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await check();
    return 'up';
  } catch {
    return 'down';
  }
}

/**
 * /health: the process answers. /ready: it can also reach MySQL and Redis (for load balancers), and
 * which workers run, with the state of their metrics port (they have no HTTP port of their own to say it).
 */
export function healthRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json(ok('up', { uptimeSeconds: Math.round(process.uptime()) }));
  });
  router.get('/ready', async (_req, res) => {
    let workers: WorkerEntry[] = [];
    const [mysql, redis] = await Promise.all([
      probe(() => ctx.db.raw('SELECT 1')),
      probe(async () => {
        workers = await liveWorkers(ctx.redis);
      }),
    ]);
    if (mysql === 'down' || redis === 'down') {
      throw serviceUnavailable('NOT_READY', `Not ready: MySQL ${mysql}, Redis ${redis}`, 5);
    }
    res.json(ok('ready', { mysql, redis, workers }));
  });
  return router;
}
