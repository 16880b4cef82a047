import { Router } from 'express';
import Joi from 'joi';
import { ok } from '../../shared/http-envelope';
import { browseItems, itemDetail, itemStock } from '../../shared/items/browse-items';
import { createItem } from '../../shared/items/create-item';
import { deleteItem } from '../../shared/items/delete-item';
import { editItem, type ItemEdit } from '../../shared/items/edit-item';
import type { NewItem } from '../../shared/items/item-repository';
import { idSchema, instantSchema, paginationSchema, validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { assertSelf, authenticate, principalOf, requireRole } from '../middleware/authenticate';

const MAX_STOCK = 1_000_000_000;
const terms = {
  title: Joi.string().trim().min(1).max(200),
  description: Joi.string().trim().allow('').max(5000),
  price: Joi.number().integer().min(1).max(Number.MAX_SAFE_INTEGER),
  availableAt: instantSchema.allow(null),
  endAt: instantSchema.allow(null),
};
const windowOrdered = (value: { availableAt?: Date | null; endAt?: Date | null }, helpers: Joi.CustomHelpers) =>
  value.availableAt && value.endAt && value.endAt <= value.availableAt ? helpers.error('any.invalid', { label: 'endAt' }) : value;
const windowMessages = { 'any.invalid': 'endAt must be after availableAt' };

const newItemSchema = Joi.object<NewItem>({
  sellerNum: idSchema.required(),
  title: terms.title.required(),
  description: terms.description.default(''),
  price: terms.price.required(),
  stock: Joi.number().integer().min(0).max(MAX_STOCK).required(),
  availableAt: terms.availableAt.default(null),
  endAt: terms.endAt.default(null),
})
  .custom(windowOrdered)
  .messages(windowMessages);

const itemEditSchema = Joi.object<ItemEdit>({
  ...terms,
  stock: Joi.number().integer().min(0).max(MAX_STOCK),
  stockDelta: Joi.number().integer().min(-MAX_STOCK).max(MAX_STOCK),
})
  .min(1)
  .oxor('stock', 'stockDelta')
  .custom(windowOrdered)
  .messages(windowMessages);

const itemPathSchema = Joi.object({ itemNum: idSchema.required() });

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
