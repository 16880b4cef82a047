import type { Config } from './config';

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
  /** Hash: the item's sale state, see shared/items/sale-state-sync.ts. */
  itemSaleState: (itemNum: number) => `item:${itemNum}:sale`,
  /** List: the item's line of order entries, FIFO (shared/orders/lua/includes/item-line.lua). */
  itemLine: (itemNum: number) => `item:${itemNum}:line`,
  /** Hash buyerNum -> units the buyer holds in the item's INITIATED, IN_PROGRESS and PAID orders (shared/orders/lua/includes/held-units.lua). */
  itemHeldUnits: (itemNum: number) => `item:${itemNum}:held`,
  /** Hash orderNum -> a settle of the order's mirror that a line batch left for later (shared/orders/lua/includes/settling-orders.lua). */
  itemSettlingOrders: (itemNum: number) => `item:${itemNum}:settling`,
  /** Set of itemNums whose settling orders hash is not empty. */
  itemsSettling: () => 'items:settling',
  /** Set of itemNums whose line is not empty. */
  itemsWithBacklog: () => 'items:backlog',
  /** Hash orderNum -> JSON {orderNum, entries, error, diedAt}: the item's line entries a worker could not apply (shared/orders/dead-entries.ts). */
  itemDeadEntries: (itemNum: number) => `item:${itemNum}:dead`,
  /** Set of itemNums with dead entries. */
  itemsWithDeadEntries: () => 'items:dead',
  /** Hash: the order mirror, what pollers read while the order is under way. */
  orderMirror: (orderNum: number) => `order:${orderNum}`,
  /** Counter giving order numbers (MySQL orders.id) without a MySQL round trip. */
  orderSequence: () => 'seq:order',
  /** Sorted set of INITIATED orders by creation time (ms), for the ORDER_TTL sweep. */
  initiatedOrders: () => 'orders:initiated',
  /** String `orderNum|fingerprint`: an order submission's Idempotency-Key. */
  orderIdempotency: (buyerNum: number, key: string) => `idempotency:order:${buyerNum}:${key}`,
  /** Counter of a buyer's order submissions in the current window (ORDER_RATE_LIMIT). */
  orderSubmissions: (buyerNum: number) => `ratelimit:orders:${buyerNum}`,
  /** Sorted set: the buyer's open order streams and `Prefer: wait` answers, lease id -> when it lapses (ms) (shared/orders/watch-quota.ts). */
  buyerWatchLeases: (buyerNum: number) => `watches:buyer:${buyerNum}`,
  /** Sorted set of running workers (JSON of shared/worker-roster.ts) by the time (ms) their entry lapses. */
  workerRoster: () => 'workers:roster',
  /** String: the run_id of the Redis server whose state was last reconciled with MySQL (shared/redis-recovery.ts). */
  reconciledRun: () => 'redis:reconciled-run',
  /** String with a TTL: held by the one process reconciling, so that the others wait rather than repeat it. */
  reconcileLock: () => 'redis:reconciling',
  /** rate-limiter-flexible's keys (verification and login limits) start with this. */
  rateLimiterPrefix: () => 'ratelimit',
} as const;

/**
 * Lua steps that find an order's item only once they have read the order build the item's keys
 * themselves from this prefix (itemKeysOf in shared/orders/lua/includes/item-line.lua and
 * heldUnitsKeyOf in includes/held-units.lua), exactly as itemSaleState, itemLine and itemHeldUnits
 * above. (One Redis server; not for Redis Cluster.)
 */
export const ITEM_KEY_PREFIX = 'item:';
export const ORDER_MIRROR_KEY_PREFIX = 'order:';

/**
 * The pub/sub channel on which Lua steps tell every API process which orders changed
 * (shared/orders/order-changes.ts). ioredis puts keyPrefix on keys only, so the channel takes
 * REDIS_PREFIX here.
 */
export const orderChangesChannel = (config: Pick<Config, 'redisPrefix'>) => `${config.redisPrefix}order-changes`;
