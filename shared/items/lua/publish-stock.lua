-- Moves the item's stock gate forward: sets `stock` to MySQL's quantity as of `version`, unless a
-- newer version is already there (a slower writer must never put back a stale value).
-- KEYS: 1 item sale state; ARGV: 1 quantity, 2 version
-- Reply: 1 when the gate moved, 0 when it holds a newer version.
local current = tonumber(redis.call('HGET', KEYS[1], 'stockVersion') or '-1')
if tonumber(ARGV[2]) <= current then return 0 end
redis.call('HSET', KEYS[1], 'stock', ARGV[1], 'stockVersion', ARGV[2])
return 1
