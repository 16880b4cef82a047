-- Reconciliation (a worker's start, or Redis back after a restart or without its data): recomputes
-- the units in flight from the payment entries still in the line and in its dead-letter list,
-- raises the drain flag when the line has work (nothing is left behind by a crash), and keeps the
-- line's arrival counter above every arrival MySQL has seen (Redis may have lost it).
-- KEYS: 1 item sale state, 2 item line, 3 items with backlog, 4 item dead entries
-- ARGV: 1 itemNum, 2 highest arrival_seq of the item in MySQL
local inflight = 0
local function count(entry)
  local kind, _, quantity = string.match(entry, '^(%a):(%d+):(%d+)')
  if kind == 'p' then inflight = inflight + tonumber(quantity) end
end
local entries = redis.call('LRANGE', KEYS[2], 0, -1)
for _, entry in ipairs(entries) do count(entry) end
for _, stored in ipairs(redis.call('HVALS', KEYS[4])) do
  for _, entry in ipairs(cjson.decode(stored).entries) do count(entry) end
end
redis.call('HSET', KEYS[1], 'inflight', inflight, 'drainPending', #entries > 0 and '1' or '0')
local highest = tonumber(ARGV[2])
if tonumber(redis.call('HGET', KEYS[1], 'arrivals') or '0') < highest then
  redis.call('HSET', KEYS[1], 'arrivals', highest, 'processedSeq', highest)
end
if #entries > 0 then
  redis.call('SADD', KEYS[3], ARGV[1])
else
  redis.call('SREM', KEYS[3], ARGV[1])
end
return #entries
