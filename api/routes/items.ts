import { Router } from 'express';
import { ok } from '../../shared/http-envelope';
import { browseItems, itemDetail, itemStock } from '../../shared/items/browse-items';
import { createItem } from '../../shared/items/create-item';
import { deleteItem } from '../../shared/items/delete-item';
import { editItem } from '../../shared/items/edit-item';
import { paginationSchema, validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { assertSelf, authenticate, principalOf, requireRole } from '../middleware/authenticate';
import { itemEditSchema, itemPathSchema, newItemSchema } from '../request-schemas/items';

/** Items: browsing is public; listing, editing and deleting are for the item's seller. */
export function itemRoutes(ctx: ApiContext): Router {
  const router = Router();
  const sellerOnly = [authenticate(ctx.config, ctx.redis), requireRole('SELLER')];

  router.get('/items', async (req, res) => {
    res.json(ok('All items', await browseItems(ctx, validate(paginationSchema, req.query))));
  });

  router.get('/items/stocks/:itemNum', async (req, res) => {
    const { itemNum } = validate(itemPathSchema, req.params);
    res.json(ok('Item stock', await itemStock(ctx, itemNum)));
  });

  router.get('/items/:itemNum', async (req, res) => {
    const { itemNum } = validate(itemPathSchema, req.params);
    res.json(ok('Item detail', await itemDetail(ctx, itemNum)));
  });

  router.post('/items', ...sellerOnly, async (req, res) => {
    const item = validate(newItemSchema, req.body);
    assertSelf(req, item.sellerNum);
    res.json(ok('Item listed', await createItem(ctx, item)));
  });

  router.put('/items/:itemNum', ...sellerOnly, async (req, res) => {
    const { itemNum } = validate(itemPathSchema, req.params);
    const edit = validate(itemEditSchema, req.body);
    res.json(ok('Item updated', await editItem(ctx, itemNum, edit, principalOf(req))));
  });

  router.delete('/items/:itemNum', ...sellerOnly, async (req, res) => {
    const { itemNum } = validate(itemPathSchema, req.params);
    res.json(ok('Item deleted', await deleteItem(ctx, itemNum, principalOf(req))));
  });

  return router;
}
