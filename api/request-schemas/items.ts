import Joi from 'joi';
import type { ItemEdit } from '../../shared/items/edit-item';
import type { NewItem } from '../../shared/items/item-repository';
import { idSchema, instantSchema } from '../../shared/validation';

/** What the item routes validate with; the API document's request schemas are made from these same objects. */
const MAX_STOCK = 1_000_000_000;
const terms = {
  title: Joi.string().trim().min(1).max(200),
  description: Joi.string().trim().allow('').max(5000),
  price: Joi.number().integer().min(1).max(Number.MAX_SAFE_INTEGER),
  availableAt: instantSchema.allow(null).description('Start of the sale window; null: on sale at once'),
  endAt: instantSchema.allow(null).description('End of the sale window (exclusive), after availableAt; null: no end'),
  maxPerBuyer: Joi.number()
    .integer()
    .min(1)
    .max(MAX_STOCK)
    .allow(null)
    .description("The most units one buyer may hold in this item's INITIATED, IN_PROGRESS and PAID orders at once; null: no cap. A change applies to new orders at once and cancels nothing"),
};
const windowOrdered = (value: { availableAt?: Date | null; endAt?: Date | null }, helpers: Joi.CustomHelpers) =>
  value.availableAt && value.endAt && value.endAt <= value.availableAt ? helpers.error('any.invalid', { label: 'endAt' }) : value;
const windowMessages = { 'any.invalid': 'endAt must be after availableAt' };
/** A misspelt term (say `maxPerbuyer`) must not be dropped silently and leave the item without it. */
const REFUSE_UNKNOWN_FIELDS = { stripUnknown: false };

export const newItemSchema = Joi.object<NewItem>({
  sellerNum: idSchema.required().description('The caller'),
  title: terms.title.required(),
  description: terms.description.default(''),
  price: terms.price.required(),
  stock: Joi.number().integer().min(0).max(MAX_STOCK).required(),
  availableAt: terms.availableAt.default(null),
  endAt: terms.endAt.default(null),
  maxPerBuyer: terms.maxPerBuyer.default(null),
})
  .prefs(REFUSE_UNKNOWN_FIELDS)
  .custom(windowOrdered)
  .messages(windowMessages);

export const itemEditSchema = Joi.object<ItemEdit>({
  ...terms,
  stock: Joi.number().integer().min(0).max(MAX_STOCK).description('Units on sale from now on (units sold meanwhile stay sold)'),
  stockDelta: Joi.number().integer().min(-MAX_STOCK).max(MAX_STOCK).description('Units to add, or remove when negative'),
})
  .min(1)
  .prefs(REFUSE_UNKNOWN_FIELDS)
  .oxor('stock', 'stockDelta')
  .custom(windowOrdered)
  .messages(windowMessages);

export const itemPathSchema = Joi.object<{ itemNum: number }>({ itemNum: idSchema.required() });
