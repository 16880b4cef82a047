/**
 * Every application Redis key, in one place. ioredis adds REDIS_PREFIX in front of each.
 * These names are a data contract between processes (and with data already in Redis): never
 * rename one without a migration.
 */
export const redisKeys = {
  verificationCode: (email: string) => `verification:code:${email}`,
  verificationCooldown: (email: string) => `verification:cooldown:${email}`,
  /** Tokens issued before this instant (ms) are void; "deleted" voids them all. */
  tokensNotBefore: (userNum: number) => `auth:not-before:${userNum}`,
  /** Hash: see shared/items/sale-state.ts. */
  itemSaleState: (itemNum: number) => `item:${itemNum}:sale`,
} as const;
