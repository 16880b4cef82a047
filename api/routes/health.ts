import { setTimeout as sleep } from 'node:timers/promises';
import { Router } from 'express';
import type { ApiContext } from '../context';
import { ok } from '../../shared/http-envelope';
import { AppError } from '../../shared/errors';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../../shared/dependency-outage';
import { liveWorkers } from '../../shared/worker-roster';

/** A dependency that has not answered by then counts as down: /ready answers within 2 s whatever happens underneath. */
const PROBE_DEADLINE_MS = 1000;

type Probe = 'up' | 'down';

async function probe(check: () => Promise<unknown>): Promise<Probe> {
  const deadline = new AbortController();
  try {
    return await Promise.race([
      check().then((): Probe => 'up'),
      sleep(PROBE_DEADLINE_MS, 'down' as const, { signal: deadline.signal }),
    ]);
  } catch {
    return 'down';
  } finally {
    deadline.abort();
  }
}

/**
 * /health: the process answers (it stays 200 while MySQL or Redis is away: restarting the process
 * would not bring them back). /ready: it can also reach both (for load balancers), else 503 naming
 * the one that is down; and how many workers run. Which hosts and pids they are is for operators
 * only (GET /admin/workers).
 */
export function healthRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json(ok('up', { uptimeSeconds: Math.round(process.uptime()) }));
  });
  router.get('/ready', async (_req, res) => {
    let workers = 0;
    const [mysql, redis] = await Promise.all([
      probe(() => ctx.db.raw('SELECT 1')),
      probe(async () => {
        workers = (await liveWorkers(ctx.redis)).length;
      }),
    ]);
    if (mysql === 'down' || redis === 'down') {
      const down = [mysql === 'down' ? 'mysql' : undefined, redis === 'down' ? 'redis' : undefined].filter(Boolean).join(' and ');
      throw new AppError('NOT_READY', `Not ready: ${down} unreachable`, {
        details: { mysql, redis },
        retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
      });
    }
    res.json(ok('ready', { mysql, redis, workers }));
  });
  return router;
}
