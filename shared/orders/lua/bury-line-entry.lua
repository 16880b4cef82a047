-- Moves the entry at the head of an item's line to the item's dead-letter list, keyed by its order:
-- the worker could not apply it for a reason that is not transient ('first'), or it belongs to an
-- order already there and follows it ('follow'), so that an order's entries stay in their order and
-- a retry puts them back together. The units of a dead payment stay in flight until an operator
-- retries (they apply) or cancels (they are released): the item is not final while one waits.
-- The drain goes on with the next batch (whose step clears the drain flag if the line is now empty).
-- KEYS: 1 item line, 2 item dead entries, 3 items with dead entries
-- ARGV: 1 the entry expected at the head, 2 orderNum, 3 itemNum, 4 'first' | 'follow', 5 error
-- Reply: STALE (the head moved: read the line again), GONE ('follow' but the order left the
-- dead-letter list: apply the entry as usual) or BURIED.
--- @include "../../lua/includes/redis-clock"

if redis.call('LINDEX', KEYS[1], 0) ~= ARGV[1] then return 'STALE' end
local stored = redis.call('HGET', KEYS[2], ARGV[2])
if ARGV[4] == 'follow' and not stored then return 'GONE' end

local dead
if stored then
  dead = cjson.decode(stored)
  table.insert(dead.entries, ARGV[1])
else
  dead = { orderNum = tonumber(ARGV[2]), entries = { ARGV[1] }, error = ARGV[5], diedAt = redisClockMs() }
end
redis.call('HSET', KEYS[2], ARGV[2], cjson.encode(dead))
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('LPOP', KEYS[1])
return 'BURIED'
