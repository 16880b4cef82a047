import { Router, type Request, type Response } from 'express';
import { ok } from '../../shared/http-envelope';
import { cancelOrder } from '../../shared/orders/cancel-order';
import { getOrder } from '../../shared/orders/get-order';
import { isSettled } from '../../shared/orders/order-status';
import { listOrders } from '../../shared/orders/list-orders';
import { placeOrder } from '../../shared/orders/place-order';
import { startPayment } from '../../shared/orders/start-payment';
import { paginationSchema, validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { AppError } from '../../shared/errors';
import { assertSelf, authenticate, authenticateSignature, principalOf, requireRole } from '../middleware/authenticate';
import { writeJson } from '../json-answer';
import { PreferredWait } from '../prefer-wait';
import { idempotencyKeySchema, orderPathSchema, placeOrderBodySchema } from '../request-schemas/orders';

/**
 * Orders (buyers only): enter, try payment, poll, list, cancel. Entering and trying payment never
 * touch MySQL and make one Redis round trip: their use cases finish the token check in their Lua step.
 * Trying payment and polling honour `Prefer: wait=N` (api/prefer-wait.ts).
 */
export function orderRoutes(ctx: ApiContext): Router {
  const router = Router();
  const bodySchema = placeOrderBodySchema(ctx.config.maxOrderQuantity);
  const hotPath = authenticateSignature(ctx.config, 'BUYER');
  const buyerOnly = [authenticate(ctx.config, ctx.redis), requireRole('BUYER')];

  router.post('/orders', hotPath, async (req, res) => {
    const body = validate(bodySchema, req.body);
    assertSelf(req, body.buyerNum);
    const idempotencyHeader = req.get('Idempotency-Key');
    const idempotencyKey = idempotencyHeader === undefined ? undefined : validate(idempotencyKeySchema, idempotencyHeader, 'Idempotency-Key');
    const order = await placeOrder(ctx, { ...body, caller: principalOf(req), idempotencyKey, requestId: req.id }).catch((error: unknown) => {
      ctx.metrics.countOrderSubmission(error instanceof AppError ? error.code : 'ERROR');
      throw error;
    });
    ctx.metrics.countOrderSubmission('ACCEPTED');
    writeJson(res, 200, JSON.stringify(ok('Order entered', order)));
  });

  const tryPayment = async (req: Request, res: Response) => {
    const { orderNum } = validate(orderPathSchema, req.params);
    const caller = principalOf(req);
    // A wait's place is taken before the payment starts: a wait refused over a cap leaves no payment half-answered.
    const wait = await PreferredWait.take(ctx, req, caller.userNum);
    const payment = await startPayment(ctx, orderNum, caller, req.id).catch((error: unknown) => {
      wait?.giveBack();
      throw error;
    });
    const order = await wait?.answer(ctx, res, orderNum, caller.userNum);
    if (order && isSettled(order.status)) writeJson(res, 200, JSON.stringify(ok('Payment settled', order)));
    else writeJson(res, 202, JSON.stringify(ok('Payment in progress', payment)));
  };
  router.post('/try-payments/:orderNum', hotPath, tryPayment);
  router.post('/orders/try-payments/:orderNum', hotPath, tryPayment);

  router.get('/orders', ...buyerOnly, async (req, res) => {
    const page = validate(paginationSchema, req.query);
    res.json(ok('Orders', await listOrders(ctx, principalOf(req).userNum, page)));
  });

  router.get('/orders/:orderNum', ...buyerOnly, async (req, res) => {
    const { orderNum } = validate(orderPathSchema, req.params);
    const { userNum } = principalOf(req);
    const wait = await PreferredWait.take(ctx, req, userNum);
    res.json(ok('Order', wait ? await wait.answer(ctx, res, orderNum, userNum) : await getOrder(ctx, orderNum, userNum)));
  });

  router.delete('/payments/:orderNum', ...buyerOnly, async (req, res) => {
    const { orderNum } = validate(orderPathSchema, req.params);
    res.json(ok('Order canceled', await cancelOrder(ctx, orderNum, principalOf(req).userNum)));
  });

  return router;
}
