import { createSecretKey, type KeyObject } from 'node:crypto';
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

/** The caller as its token says; `issuedAtMs` lets a later check see whether the token was revoked. */
export interface TokenHolder extends Principal {
  issuedAtMs: number;
}

interface AccessTokenClaims {
  sub: string;
  role: UserRole;
  /** Issued-at in milliseconds: JWT's `iat` has whole seconds, too coarse to void tokens issued just before a password change. */
  iatMs: number;
}

/** The not-before value of a deleted account (the order Lua scripts test for the same literal). */
const DELETED = 'deleted';

// jsonwebtoken turns a string secret into a key object on every call (over half the CPU of an
// order request when measured); make it once per secret instead.
const signingKeys = new Map<string, KeyObject>();
function signingKeyOf(secret: string): KeyObject {
  let key = signingKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    signingKeys.set(secret, key);
  }
  return key;
}

export function issueAccessToken(config: Pick<Config, 'jwtSecret' | 'jwtExpiresInSeconds'>, principal: Principal) {
  const claims: AccessTokenClaims = { sub: String(principal.userNum), role: principal.role, iatMs: Date.now() };
  const accessToken = jwt.sign(claims, signingKeyOf(config.jwtSecret), { algorithm: 'HS256', expiresIn: config.jwtExpiresInSeconds });
  return { accessToken, tokenType: 'Bearer' as const, expiresIn: config.jwtExpiresInSeconds };
}

/** Verifies signature and expiry only: no I/O. The revocation check must follow (assertNotRevoked, or a Lua step doing the same). */
export function verifyAccessTokenSignature(config: Pick<Config, 'jwtSecret'>, token: string): TokenHolder {
  let claims: AccessTokenClaims;
  try {
    claims = jwt.verify(token, signingKeyOf(config.jwtSecret), { algorithms: ['HS256'] }) as AccessTokenClaims;
  } catch {
    throw unauthorized('Access token is invalid or expired', 'INVALID_TOKEN');
  }
  return { userNum: Number(claims.sub), role: claims.role, issuedAtMs: claims.iatMs };
}

export const accountDeleted = () => unauthorized('This account has been deleted', 'ACCOUNT_DELETED');
export const tokenRevoked = () => unauthorized('Access token was revoked; log in again', 'TOKEN_REVOKED');

/** Asks Redis whether the holder's tokens were voided since this one was issued. */
export async function assertNotRevoked(redis: Redis, holder: TokenHolder): Promise<void> {
  const notBefore = await redis.get(redisKeys.tokensNotBefore(holder.userNum));
  if (notBefore === DELETED) throw accountDeleted();
  if (notBefore !== null && holder.issuedAtMs < Number(notBefore)) throw tokenRevoked();
}

/** Verifies signature and expiry, then asks Redis whether the user's tokens were voided since. */
export async function verifyAccessToken(config: Pick<Config, 'jwtSecret'>, redis: Redis, token: string): Promise<TokenHolder> {
  const holder = verifyAccessTokenSignature(config, token);
  await assertNotRevoked(redis, holder);
  return holder;
}

/** Voids every token issued so far (password change); the caller gets a fresh one afterwards. */
export async function revokeTokensIssuedBefore(redis: Redis, userNum: number, instantMs: number): Promise<void> {
  await redis.set(redisKeys.tokensNotBefore(userNum), String(instantMs));
}

export async function revokeAllTokensForever(redis: Redis, userNum: number): Promise<void> {
  await redis.set(redisKeys.tokensNotBefore(userNum), DELETED);
}
