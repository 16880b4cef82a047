-- The INITIATED orders whose ORDER_TTL ran out by Redis's clock (their score is their creation
-- time on that clock), oldest first, up to a batch: the worker's sweep cancels them.
-- KEYS: 1 initiated orders
-- ARGV: 1 the age in ms at which an unpaid order expires, 2 most orders answered
-- Reply: their orderNums.
--- @include "../../lua/includes/redis-clock"

return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', redisClockMs() - tonumber(ARGV[1]), 'LIMIT', 0, ARGV[2])
