import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config';
import { AppError, notFound } from '../errors';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Operator pages (/metrics, /admin/queues) behind HTTP basic auth with ADMIN_USER/ADMIN_PASSWORD.
 * Without a configured credential they do not exist (404), so nothing is ever open by default.
 */
export function adminOnly(config: Pick<Config, 'admin'>) {
  return (req: Request, res: Response, next: NextFunction) => {
    const admin = config.admin;
    if (!admin) throw notFound('Page', 'ROUTE_NOT_FOUND');
    const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const [user, ...password] = match ? Buffer.from(match[1], 'base64').toString('utf8').split(':') : [];
    if (user !== undefined && sameSecret(user, admin.user) && sameSecret(password.join(':'), admin.password)) {
      next();
      return;
    }
    res.setHeader('WWW-Authenticate', 'Basic realm="reservation-purchase operations", charset="UTF-8"');
    throw new AppError('ADMIN_CREDENTIAL_REQUIRED', 'Operator credential required');
  };
}
