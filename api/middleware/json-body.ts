import express, { type NextFunction, type Request, type Response } from 'express';

/** Failures of a body read ahead of the general stack, raised where that stack parses bodies. */
const earlyFailures = new WeakMap<Request, unknown>();

/**
 * Parses a JSON body ahead of the general stack (a lane that must see the body first). A bad body
 * is not answered here but at the general stack's parsing step, so that it gets the request id,
 * metrics and access log every answer gets; a body read here is not read again.
 */
export function parseJsonBodyEarly(limit: string) {
  const parse = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => {
      if (error) earlyFailures.set(req, error);
      next();
    });
}

/** The general stack's JSON body step. */
export function parseJsonBody(limit: string) {
  const parse = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) => {
    const earlyFailure = earlyFailures.get(req);
    if (earlyFailure) next(earlyFailure);
    else parse(req, res, next);
  };
}
