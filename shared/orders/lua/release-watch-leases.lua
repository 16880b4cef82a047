-- Gives back watch leases (take-watch-lease.lua), any number at once: the streams and waits they
-- counted have ended.
-- KEYS: the buyers' watch leases, one key per lease (a buyer's key repeated for each of its leases)
-- ARGV: the lease ids, in the order of KEYS
-- Reply: how many of them were still held (a lapsed one is gone already).
local released = 0
for i, leases in ipairs(KEYS) do
  released = released + redis.call('ZREM', leases, ARGV[i])
end
return released
