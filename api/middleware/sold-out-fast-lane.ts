import type { NextFunction, Request, Response } from 'express';
import { HTTP_STATUS } from '../../shared/errors';
import { SOLD_OUT } from '../../shared/orders/place-order';
import type { ApiContext } from '../context';
import { writeJson } from '../json-answer';
import { API_V1_PREFIX } from '../paths';
import { signedHolderOf } from './authenticate';
import { errorEnvelopeOf } from './error-handler';
import { parseJsonBodyEarly } from './json-body';
import { accessLogOf, REQUEST_ID_HEADER, requestIdOf } from './request-logging';

export const ORDERS_PATH = `${API_V1_PREFIX}/orders`;

/**
 * After a drop sells out nearly every request is a buyer's order for that item. This answers
 * those ahead of the general stack: no router, no per-request listeners, a body serialized once.
 * The general path (routers, response listeners for metrics and logs, res.json) measured about
 * 1.5× the CPU of a bare Express endpoint per sold-out answer; this lane keeps the answer within
 * the DESIGN §8 target. It answers exactly what the order route would (same status, envelope,
 * request id, metrics and access log); anything else (another item, no or bad token, a seller)
 * goes on to that route untouched, and so does a retry with an Idempotency-Key.
 */
export function soldOutFastLane(ctx: ApiContext) {
  const parseJson = parseJsonBodyEarly(ctx.config.bodyLimit);
  const status = HTTP_STATUS[SOLD_OUT.status];
  const body = Buffer.from(JSON.stringify(errorEnvelopeOf(SOLD_OUT)));
  const accessLog = accessLogOf(ctx.logger);

  // A retry that carries an Idempotency-Key is owed its first answer, which only Redis knows.
  const isSoldOutBuyerOrder = (req: Request) =>
    req.headers['idempotency-key'] === undefined &&
    ctx.soldOutMemo.isSoldOut((req.body as { itemNum?: unknown } | undefined)?.itemNum) && signedHolderOf(ctx.config, req)?.role === 'BUYER';

  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    parseJson(req, res, () => {
      if (!isSoldOutBuyerOrder(req)) {
        next();
        return;
      }
      req.id = requestIdOf(req);
      res.setHeader(REQUEST_ID_HEADER, req.id);
      writeJson(res, status, body);
      const milliseconds = performance.now() - started;
      ctx.metrics.observeHttp('POST', ORDERS_PATH, status, milliseconds);
      ctx.metrics.countOrderSubmission(SOLD_OUT.code);
      accessLog?.(req, status, milliseconds);
    });
  };
}
