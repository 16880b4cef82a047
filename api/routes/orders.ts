import { Router, type Request, type Response } from 'express';
import { ok } from '../../shared/http-envelope';
import { cancelOrder } from '../../shared/orders/cancel-order';
import { getOrder } from '../../shared/orders/get-order';
import { listOrders } from '../../shared/orders/list-orders';
import { placeOrder } from '../../shared/orders/place-order';
import { startPayment } from '../../shared/orders/start-payment';
import { paginationSchema, validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { AppError } from '../../shared/errors';
import { assertSelf, authenticate, authenticateSignature, principalOf, requireRole } from '../middleware/authenticate';
import { idempotencyKeySchema, orderPathSchema, placeOrderBodySchema } from '../request-schemas/orders';

/**
 * Orders (buyers only): enter, try payment, poll, list, cancel. Entering and trying payment never
 * touch MySQL and make one Redis round trip: their use cases finish the token check in their Lua step.
 */
export function orderRoutes(ctx: ApiContext): Router {
  const router = Router();
  const bodySchema = placeOrderBodySchema(ctx.config.maxOrderQuantity);
  const hotPath = [authenticateSignature(ctx.config), requireRole('BUYER')];
  const buyerOnly = [authenticate(ctx.config, ctx.redis), requireRole('BUYER')];

  router.post('/orders', ...hotPath, async (req, res) => {
    const body = validate(bodySchema, req.body);
    assertSelf(req, body.buyerNum);
    const idempotencyHeader = req.get('Idempotency-Key');
    const idempotencyKey = idempotencyHeader === undefined ? undefined : validate(idempotencyKeySchema, idempotencyHeader, 'Idempotency-Key');
    const order = await placeOrder(ctx, { ...body, caller: principalOf(req), idempotencyKey, requestId: req.id }).catch((error: unknown) => {
      ctx.metrics.countOrderSubmission(error instanceof AppError ? error.code : 'ERROR');
      throw error;
    });
    ctx.metrics.countOrderSubmission('ACCEPTED');
    res.json(ok('Order entered', order));
  });

  const tryPayment = async (req: Request, res: Response) => {
    const { orderNum } = validate(orderPathSchema, req.params);
    const payment = await startPayment(ctx, orderNum, principalOf(req), req.id);
    res.status(202).json(ok('Payment in progress', payment));
  };
  router.post('/try-payments/:orderNum', ...hotPath, tryPayment);
  router.post('/orders/try-payments/:orderNum', ...hotPath, tryPayment);

  router.get('/orders', ...buyerOnly, async (req, res) => {
    const page = validate(paginationSchema, req.query);
    res.json(ok('Orders', await listOrders(ctx, principalOf(req).userNum, page)));
  });

  router.get('/orders/:orderNum', ...buyerOnly, async (req, res) => {
    const { orderNum } = validate(orderPathSchema, req.params);
    res.json(ok('Order', await getOrder(ctx, orderNum, principalOf(req).userNum)));
  });

  router.delete('/payments/:orderNum', ...buyerOnly, async (req, res) => {
    const { orderNum } = validate(orderPathSchema, req.params);
    res.json(ok('Order canceled', await cancelOrder(ctx, orderNum, principalOf(req).userNum)));
  });

  return router;
}
