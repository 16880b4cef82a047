-- An operator's cancel of a dead order, once MySQL holds it CANCELED (or never held it): its dead
-- entries are dropped, the units of its payment leave the in-flight count, its mirror says CANCELED
-- to a polling buyer, and its buyer gets its units back.
-- KEYS: 1 item sale state, 2 item dead entries, 3 items with dead entries, 4 order mirror, 5 initiated orders,
--       6 item held units
-- ARGV: 1 orderNum, 2 itemNum, 3 reason, 4 settled mirror ttl s, 5 order changes channel
-- Reply: {'NOT_FOUND'} or {'OK', units released}.
-- The mirror says CANCELED whatever it said before: an operator's decision, outside the buyer's state machine.
--- @include "../../lua/includes/redis-clock"
--- @include "includes/item-line"
--- @include "includes/held-units"
--- @include "includes/order-changes"

local stored = redis.call('HGET', KEYS[2], ARGV[1])
if not stored then return {'NOT_FOUND'} end
local units = 0
for _, entry in ipairs(cjson.decode(stored).entries) do units = units + unitsInFlightOf(entry) end
-- 0 - n, not -n: Lua's -0 would reach Redis as "-0", which HINCRBY refuses.
redis.call('HINCRBY', KEYS[1], 'inflight', 0 - units)
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('HLEN', KEYS[2]) == 0 then redis.call('SREM', KEYS[3], ARGV[2]) end
redis.call('ZREM', KEYS[5], ARGV[1])
local order = redis.call('HMGET', KEYS[4], 'status', 'buyerNum', 'quantity')
if order[1] then
  releaseOnMove(KEYS[6], order[1], 'CANCELED', order[2], order[3])
  redis.call('HSET', KEYS[4], 'status', 'CANCELED', 'reason', ARGV[3], 'updatedAt', redisClockMs())
  redis.call('EXPIRE', KEYS[4], ARGV[4])
  publishOrderChange(ARGV[5], ARGV[1])
end
return {'OK', units}
