import { createSigner, createVerifier } from 'fast-jwt';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock';
import type { Config } from '../config';
import { unauthorized } from '../errors';
import { LuaScript, replies } from '../lua/lua-script';
import { redisKeys } from '../redis-keys';

export const USER_ROLES = ['SELLER', 'BUYER'] as const;
export type UserRole = (typeof USER_ROLES)[number];

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

/** The not-before value of a deleted account, which lua/includes/token-revocation.lua tests for. */
const DELETED = 'deleted';

const checkTokenNotRevoked = new LuaScript(
  `${__dirname}/lua/check-token-not-revoked.lua`,
  1,
  replies.oneOf('check-token-not-revoked', ['OK', 'ACCOUNT_DELETED', 'TOKEN_REVOKED'] as const),
);

type SignToken = (claims: AccessTokenClaims & { iat: number }) => string;
type VerifyToken = (token: string) => TokenHolder;

/** Most tokens verified are ones just seen (a buyer retrying at a drop, or polling): up to this many are cached. */
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

// Signer and verifier are built once per secret and expiry (tests run several configs in one process).
const signers = new Map<string, SignToken>();
const verifiers = new Map<string, VerifyToken>();

function signerOf(secret: string, expiresInSeconds: number): SignToken {
  const id = `${expiresInSeconds}:${secret}`;
  let sign = signers.get(id);
  if (!sign) {
    sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: expiresInSeconds * 1000 });
    signers.set(id, sign);
  }
  return sign;
}

function verifierOf(secret: string): VerifyToken {
  let verify = verifiers.get(secret);
  if (!verify) {
    verify = createTokenVerifier(secret);
    verifiers.set(secret, verify);
  }
  return verify;
}

/**
 * Checks signature and expiry, keeping each verified token until it expires. The cache is keyed
 * by the token itself: fast-jwt's own cache hashes every token (SHA-256) to find it, which measured
 * ~30× this lookup and a visible share of a sold-out answer. A cached token is held against `now`
 * on every use, so one verified moments before its expiry is refused after it.
 */
export function createTokenVerifier(secret: string, now: Clock = Date.now): VerifyToken {
  const verifySignature = createVerifier({ key: secret, algorithms: ['HS256'] });
  const verified = new LRUCache<string, { holder: TokenHolder; expiresAtMs: number }>({ max: VERIFIED_TOKEN_CACHE_SIZE });
  return (token) => {
    const at = now();
    let entry = verified.get(token);
    if (!entry) {
      const claims = verifySignature(token) as AccessTokenClaims & { exp: number };
      entry = { holder: { userNum: Number(claims.sub), role: claims.role, issuedAtMs: claims.iatMs }, expiresAtMs: claims.exp * 1000 };
      verified.set(token, entry, { ttl: Math.max(1, entry.expiresAtMs - at) });
    }
    if (entry.expiresAtMs <= at) throw new Error('token expired');
    return entry.holder;
  };
}

/** A token for the principal, issued `nowMs` (its expiry counts from then). */
export function issueAccessToken(config: Pick<Config, 'jwtSecret' | 'jwtExpiresInSeconds'>, principal: Principal, nowMs = Date.now()) {
  const claims = { sub: String(principal.userNum), role: principal.role, iatMs: nowMs, iat: Math.floor(nowMs / 1000) };
  const accessToken = signerOf(config.jwtSecret, config.jwtExpiresInSeconds)(claims);
  return { accessToken, tokenType: 'Bearer' as const, expiresIn: config.jwtExpiresInSeconds };
}

/** Verifies signature and expiry only: no I/O. The revocation check must follow (assertNotRevoked, or a Lua step doing the same). */
export function verifyAccessTokenSignature(config: Pick<Config, 'jwtSecret'>, token: string): TokenHolder {
  try {
    return verifierOf(config.jwtSecret)(token);
  } catch {
    throw unauthorized('Access token is invalid or expired', 'INVALID_TOKEN');
  }
}

export const accountDeleted = () => unauthorized('This account has been deleted', 'ACCOUNT_DELETED');
export const tokenRevoked = () => unauthorized('Access token was revoked; log in again', 'TOKEN_REVOKED');

/** Asks Redis whether the holder's tokens were voided since this one was issued. */
export async function assertNotRevoked(redis: Redis, holder: TokenHolder): Promise<void> {
  const answer = await checkTokenNotRevoked.run(redis, [redisKeys.tokensNotBefore(holder.userNum)], [holder.issuedAtMs]);
  if (answer === 'ACCOUNT_DELETED') throw accountDeleted();
  if (answer === 'TOKEN_REVOKED') throw tokenRevoked();
}

/** Voids every token issued so far (password change); the caller gets a fresh one afterwards. */
export async function revokeTokensIssuedBefore(redis: Redis, userNum: number, instantMs: number): Promise<void> {
  await redis.set(redisKeys.tokensNotBefore(userNum), String(instantMs));
}

export async function revokeAllTokensForever(redis: Redis, userNum: number): Promise<void> {
  await redis.set(redisKeys.tokensNotBefore(userNum), DELETED);
}
