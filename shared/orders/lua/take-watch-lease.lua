-- A place among a buyer's open order streams and waits, counted across every API process: a lease
-- that lapses unless its process renews it (renew-watch-leases.lua), so that the places of a process
-- that died free themselves.
-- KEYS: 1 the buyer's watch leases (sorted set: lease id -> when it lapses, ms)
-- ARGV: 1 lease id, 2 lease lifetime (ms), 3 most leases per buyer
-- Reply: 1 taken, 0 the buyer holds as many as allowed.
--- @include "../../lua/includes/redis-clock"

local now = redisClockMs()
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
