import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { outageAnswerOf } from '../../shared/dependency-outage';
import { AppError, HTTP_STATUS, type HttpStatusName } from '../../shared/errors';
import type { ErrorEnvelope } from '../../shared/http-envelope';
import type { Logger } from '../../shared/logger';

interface BodyParserError extends Error {
  type?: string;
}

/** Errors raised by express.json() before any route runs. */
function fromBodyParser(error: BodyParserError): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 'Request body is not valid JSON');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 'Request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_ENCODING', error.message);
    default:
      return undefined;
  }
}

function send(res: Response, status: HttpStatusName, body: ErrorEnvelope): void {
  res.status(HTTP_STATUS[status]).json(body);
}

/** The response body of an operational error. */
export function errorEnvelopeOf(appError: AppError): ErrorEnvelope {
  return {
    status: appError.status,
    code: appError.code,
    message: appError.message,
    data: appError.details ?? null,
    ...(appError.fields ? { errors: appError.fields } : {}),
  };
}

/** Answers an operational error as the envelope. */
function sendAppError(res: Response, appError: AppError): void {
  if (appError.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(appError.retryAfterSeconds));
  send(res, appError.status, errorEnvelopeOf(appError));
}

/**
 * The one place where errors become responses: operational ones as they are, Redis or MySQL being
 * away as 503 with Retry-After (whichever route met it), the rest as a 500 with an id.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = error instanceof AppError ? error : (fromBodyParser(error as BodyParserError) ?? outageAnswerOf(error));
    if (appError) {
      if (res.headersSent) return;
      sendAppError(res, appError);
      return;
    }
    const errorId = randomUUID();
    logger.error({ err: error, errorId, reqId: req.id, method: req.method, url: req.originalUrl }, 'unexpected error');
    if (res.headersSent) return;
    send(res, 'INTERNAL_SERVER_ERROR', {
      status: 'INTERNAL_SERVER_ERROR',
      code: 'INTERNAL_ERROR',
      message: `Something went wrong on our side; quote error id ${errorId}`,
      data: { errorId },
    });
  };
}

export function unknownRoute(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('ROUTE_NOT_FOUND', `No route for ${req.method} ${req.path}`));
}
