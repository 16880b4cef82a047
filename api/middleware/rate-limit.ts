import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../../shared/errors';
import { redisKeys } from '../../shared/redis-keys';

export interface RateLimit {
  /** Names the counter in Redis, e.g. "login-ip". */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * A limit kept in Redis (rate-limiter-flexible), so it holds across API processes. `keyOf` picks
 * what is counted (the client IP, the email address in the body); requests without one pass.
 * Over the limit: 429 with Retry-After. A limit of 0 points is off.
 */
export function rateLimited(redis: Redis, limit: RateLimit, keyOf: (req: Request) => string | undefined) {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${redisKeys.rateLimiterPrefix()}:${limit.name}`,
    points: limit.points,
    duration: limit.durationSeconds,
  });
  return async (req: Request, _res: Response, next: NextFunction) => {
    const key = limit.points > 0 ? keyOf(req) : undefined;
    if (key === undefined) return next();
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw tooManyRequests('Too many attempts; retry later', Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
    next();
  };
}

export const clientIpOf = (req: Request): string | undefined => req.ip;

/** The email address of a JSON body, normalized as validation will (trimmed, lower case). */
export const bodyEmailOf = (req: Request): string | undefined => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : undefined;
};
