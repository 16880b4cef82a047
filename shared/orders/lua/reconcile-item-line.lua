-- Reconciliation (a worker's start, or Redis back after a restart or without its data): recomputes
-- the units in flight from the payment entries still in the line and in its dead-letter list,
-- raises the drain flag when the line has work (nothing is left behind by a crash), and keeps the
-- line's arrival counter above every arrival MySQL has seen (Redis may have lost it).
-- KEYS: 1 item sale state, 2 item line, 3 items with backlog, 4 item dead entries
-- ARGV: 1 itemNum, 2 highest arrival_seq of the item in MySQL
-- Reply: the number of entries in the line.
--- @include "includes/item-line"

local entries = redis.call('LRANGE', KEYS[2], 0, -1)
local inflight = 0
for _, entry in ipairs(entries) do inflight = inflight + unitsInFlightOf(entry) end
for _, stored in ipairs(redis.call('HVALS', KEYS[4])) do
  for _, entry in ipairs(cjson.decode(stored).entries) do inflight = inflight + unitsInFlightOf(entry) end
end
redis.call('HSET', KEYS[1], 'inflight', inflight)
if #entries > 0 then
  raiseDrainFlag(KEYS[1])
  redis.call('SADD', KEYS[3], ARGV[1])
else
  lowerDrainFlag(KEYS[1])
  redis.call('SREM', KEYS[3], ARGV[1])
end
local highest = tonumber(ARGV[2])
if tonumber(redis.call('HGET', KEYS[1], 'arrivals') or '0') < highest then
  redis.call('HSET', KEYS[1], 'arrivals', highest, 'processedSeq', highest)
end
return #entries
