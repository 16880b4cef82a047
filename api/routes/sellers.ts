import { Router } from 'express';
import { ok } from '../../shared/http-envelope';
import { sellerItems } from '../../shared/items/seller-items';
import { paginationSchema, validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { assertSelf, authenticate, requireRole } from '../middleware/authenticate';
import { sellerPathSchema } from '../request-schemas/sellers';

/** A seller's own view of their items: what the seller page lists and refreshes live. */
export function sellerRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get('/sellers/:sellerNum/items', authenticate(ctx.config, ctx.redis), requireRole('SELLER'), async (req, res) => {
    const { sellerNum } = validate(sellerPathSchema, req.params);
    assertSelf(req, sellerNum);
    res.json(ok('Your items, live', await sellerItems(ctx, sellerNum, validate(paginationSchema, req.query))));
  });

  return router;
}
