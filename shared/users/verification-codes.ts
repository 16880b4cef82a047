import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import { badRequest, tooManyRequests } from '../errors';
import { redisKeys } from '../redis-keys';

export const CODE_TTL_SECONDS = 10 * 60;
const MAX_ATTEMPTS = 5;
const RESEND_COOLDOWN_SECONDS = 60;

const digest = (code: string) => createHash('sha256').update(code).digest();

/**
 * One-time email verification codes in Redis: 6 digits, 10 minutes, 5 attempts, one request a
 * minute per address. Only a hash of the code is stored, and it is compared in constant time.
 */
export class VerificationCodes {
  constructor(private readonly redis: Redis) {}

  /** A new code for the address, replacing any earlier one; 429 within a minute of the last. */
  async issue(email: string): Promise<string> {
    const allowed = await this.redis.set(redisKeys.verificationCooldown(email), '1', 'EX', RESEND_COOLDOWN_SECONDS, 'NX');
    if (allowed !== 'OK') {
      const wait = await this.redis.ttl(redisKeys.verificationCooldown(email));
      throw tooManyRequests('A code was sent to this address less than a minute ago', Math.max(wait, 1), 'VERIFICATION_TOO_SOON');
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const key = redisKeys.verificationCode(email);
    await this.redis.multi().del(key).hset(key, 'digest', digest(code).toString('hex'), 'attempts', '0').expire(key, CODE_TTL_SECONDS).exec();
    return code;
  }

  /** Spends one attempt; the code is consumed when it matches. Throws 400 when it does not. */
  async consume(email: string, code: string): Promise<void> {
    const key = redisKeys.verificationCode(email);
    const replies = await this.redis.multi().hincrby(key, 'attempts', 1).hget(key, 'digest').exec();
    const attempts = Number(replies?.[0]?.[1]);
    const stored = replies?.[1]?.[1] as string | null;
    if (!stored) {
      await this.redis.del(key);
      throw badRequest('VERIFICATION_CODE_INVALID', 'The verification code is wrong or has expired; request a new one');
    }
    if (attempts > MAX_ATTEMPTS) {
      await this.redis.del(key);
      throw badRequest('VERIFICATION_ATTEMPTS_EXCEEDED', 'Too many wrong codes; request a new one');
    }
    if (!timingSafeEqual(digest(code), Buffer.from(stored, 'hex'))) {
      throw badRequest('VERIFICATION_CODE_INVALID', 'The verification code is wrong or has expired; request a new one');
    }
    await this.redis.del(key);
  }
}
