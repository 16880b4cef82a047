import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { Config } from '../../shared/config';
import { forbidden, unauthorized } from '../../shared/errors';
import { verifyAccessToken, type Principal, type UserRole } from '../../shared/users/access-tokens';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function authenticate(config: Pick<Config, 'jwtSecret'>, redis: Redis) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthorized('Send Authorization: Bearer <accessToken>');
    req.principal = await verifyAccessToken(config, redis, match[1]!);
    next();
  };
}

/** The authenticated caller; only valid behind authenticate(). */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw unauthorized();
  return req.principal;
}

export function requireRole(role: UserRole) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (principalOf(req).role !== role) throw forbidden(`Only a ${role} may do this`, 'ROLE_REQUIRED');
    next();
  };
}

/** 403 unless `userNum` (from the path or body) is the caller: users act only on their own resources. */
export function assertSelf(req: Request, userNum: number): void {
  if (principalOf(req).userNum !== userNum) throw forbidden();
}
