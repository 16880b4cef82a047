import jwt from 'jsonwebtoken';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { unauthorized } from '../errors';
import { redisKeys } from '../redis-keys';

export type UserRole = 'SELLER' | 'BUYER';

export interface Principal {
  userNum: number;
  role: UserRole;
}

interface AccessTokenClaims {
  sub: string;
  role: UserRole;
  /** Issued-at in milliseconds: JWT's `iat` has whole seconds, too coarse to void tokens issued just before a password change. */
  iatMs: number;
}

const DELETED = 'deleted';

export function issueAccessToken(config: Pick<Config, 'jwtSecret' | 'jwtExpiresInSeconds'>, principal: Principal) {
  const claims: AccessTokenClaims = { sub: String(principal.userNum), role: principal.role, iatMs: Date.now() };
  const accessToken = jwt.sign(claims, config.jwtSecret, { algorithm: 'HS256', expiresIn: config.jwtExpiresInSeconds });
  return { accessToken, tokenType: 'Bearer' as const, expiresIn: config.jwtExpiresInSeconds };
}

/** Verifies signature and expiry, then asks Redis whether the user's tokens were voided since. */
export async function verifyAccessToken(config: Pick<Config, 'jwtSecret'>, redis: Redis, token: string): Promise<Principal> {
  let claims: AccessTokenClaims;
  try {
    claims = jwt.verify(token, config.jwtSecret, { algorithms: ['HS256'] }) as AccessTokenClaims;
  } catch {
    throw unauthorized('Access token is invalid or expired', 'INVALID_TOKEN');
  }
  const userNum = Number(claims.sub);
  const notBefore = await redis.get(redisKeys.tokensNotBefore(userNum));
  if (notBefore === DELETED) throw unauthorized('This account has been deleted', 'ACCOUNT_DELETED');
  if (notBefore !== null && claims.iatMs < Number(notBefore)) {
    throw unauthorized('Access token was revoked; log in again', 'TOKEN_REVOKED');
  }
  return { userNum, role: claims.role };
}

/** Voids every token issued so far (password change); the caller gets a fresh one afterwards. */
export async function revokeTokensIssuedBefore(redis: Redis, userNum: number, instantMs: number): Promise<void> {
  await redis.set(redisKeys.tokensNotBefore(userNum), String(instantMs));
}

export async function revokeAllTokensForever(redis: Redis, userNum: number): Promise<void> {
  await redis.set(redisKeys.tokensNotBefore(userNum), DELETED);
}
