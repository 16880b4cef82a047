import Joi from 'joi';
import type { PlaceOrderCommand } from '../../shared/orders/place-order';
import { idSchema } from '../../shared/validation';

/** What the order routes validate with; the API document's request schemas are made from these same objects. */
export const orderPathSchema = Joi.object<{ orderNum: number }>({ orderNum: idSchema.required() });

/** `quantity` is bounded by MAX_ORDER_QUANTITY, so the schema is made from the configuration. */
export function placeOrderBodySchema(maxQuantity: number) {
  return Joi.object<Pick<PlaceOrderCommand, 'buyerNum' | 'itemNum' | 'quantity' | 'price'>>({
    buyerNum: idSchema.required().description('The caller'),
    itemNum: idSchema.required(),
    quantity: Joi.number().integer().min(1).max(maxQuantity).required().description('At most MAX_ORDER_QUANTITY'),
    price: Joi.number().integer().min(1).max(Number.MAX_SAFE_INTEGER).required().description("The item's current price, as the buyer saw it"),
  });
}

export const idempotencyKeySchema = Joi.string()
  .max(128)
  .pattern(/^[\x21-\x7e]+$/)
  .label('Idempotency-Key')
  .description('A retry with the same key and body gets the first answer (kept 24 hours)');

export const placeOrderHeadersSchema = Joi.object<{ 'Idempotency-Key'?: string }>({ 'Idempotency-Key': idempotencyKeySchema });

export const preferWaitHeadersSchema = Joi.object<{ Prefer?: string }>({
  Prefer: Joi.string()
    .max(256)
    .description(
      'RFC 7240. wait=N (seconds, at most 30; more is cut to 30): answer once the order settles or N seconds pass, whichever comes first. A wait counts among the buyer\'s open streams and waits: over ORDER_WATCHES_PER_BUYER it is refused with 429 TOO_MANY_ORDER_WATCHES, over this process\'s ORDER_WATCHES_PER_PROCESS with 503 ORDER_WATCHES_AT_CAPACITY, both with Retry-After (a payment is then not started)',
    ),
});

export const orderEventsHeadersSchema = Joi.object<{ 'Last-Event-ID'?: number }>({
  'Last-Event-ID': Joi.number()
    .integer()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .label('Last-Event-ID')
    .description('The id of the last event received: the stream resumes after it, sending only what is newer'),
});
