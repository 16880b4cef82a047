-- Renews the watch leases an API process holds (take-watch-lease.lua), any number at once.
-- KEYS: the buyers' watch leases, one key per lease (a buyer's key repeated for each of its leases)
-- ARGV: 1 lease lifetime (ms), then the lease ids, in the order of KEYS
-- Reply: how many leases were renewed (a lease that had lapsed is taken again: it still watches).
--- @include "../../lua/includes/redis-clock"

local lapsesAt = redisClockMs() + tonumber(ARGV[1])
for i, leases in ipairs(KEYS) do
  redis.call('ZADD', leases, lapsesAt, ARGV[i + 1])
  redis.call('PEXPIRE', leases, ARGV[1])
end
return #KEYS
