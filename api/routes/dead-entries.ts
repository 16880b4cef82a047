import { Router } from 'express';
import { adminOnly } from '../../shared/http/admin-only';
import { ok } from '../../shared/http-envelope';
import { cancelDeadOrder, listDeadOrders, retryDeadOrder } from '../../shared/orders/dead-entries';
import { validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { deadOrderPathSchema } from '../request-schemas/dead-entries';

export const DEAD_ENTRIES_PATH = '/admin/dead-entries';

/**
 * Line entries a worker could not apply (shared/orders/dead-entries.ts), under the operator
 * credential of /admin/queues: list them, retry an order's entries once the cause is mended, or
 * cancel the order.
 */
export function deadEntryRoutes(ctx: ApiContext): Router {
  const router = Router();
  const admin = adminOnly(ctx.config);

  router.get(DEAD_ENTRIES_PATH, admin, async (_req, res) => {
    res.json(ok('Dead line entries', { deadOrders: await listDeadOrders(ctx) }));
  });

  router.post(`${DEAD_ENTRIES_PATH}/:itemNum/:orderNum/retry`, admin, async (req, res) => {
    const { itemNum, orderNum } = validate(deadOrderPathSchema, req.params);
    res.json(ok('Entries back at the head of the line', await retryDeadOrder(ctx, itemNum, orderNum)));
  });

  router.post(`${DEAD_ENTRIES_PATH}/:itemNum/:orderNum/cancel`, admin, async (req, res) => {
    const { itemNum, orderNum } = validate(deadOrderPathSchema, req.params);
    res.json(ok('Order canceled', await cancelDeadOrder(ctx, itemNum, orderNum)));
  });
  return router;
}
