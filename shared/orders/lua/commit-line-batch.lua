-- After the worker committed a batch of line entries to MySQL: moves the stock gate to MySQL's
-- stock, removes exactly those entries, releases their in-flight units, advances the line's
-- processed mark and its drain rate, settles the mirrors (an order that failed gives its buyer's
-- units back there), adds the history rows and payments the batch wrote to them, and tells the API
-- processes, in one message, which orders the batch settled; in one step, so the gate never shows
-- units released without the stock that took them, and a mirror never shows a settled status
-- without its rows.
-- The mirrors of orders that the batch recorded and whose payment it settled are settled later
-- (includes/settling-orders.lua): the step only gives a failed payment's units back, puts each
-- order's settle in its item's hash and publishes the record the worker made of it (the worker
-- knows all of such an order). Settling a mirror (reading it, checking the move, writing it, its
-- expiry) measured ~11 µs an order of Redis: on two cores shared with MySQL and the worker, it held
-- a hot item's drain at ~82% of the bare MySQL limit.
-- Runs once per batch: a replayed batch (its first entry no longer at the head) changes nothing
-- but the gate, which only ever moves forward.
-- When the line is empty the drain flag is lowered in the same step (see includes/item-line.lua).
-- KEYS: 1 item sale state, 2 item line, 3 items with backlog, 4 item held units, 5 item settling
--       orders, 6 items settling
-- ARGV: 1 order mirror key prefix, 2 itemNum, 3 entry count, 4 first entry, 5 units released,
--       6 last arrival seq, 7 settled mirror ttl s, 8 order changes channel, 9 stock quantity and
--       10 its version (both '' for an empty batch), 11 the batch's time (ms: its history rows and
--       payments), 12 a JSON array with an array per mirror it settles or adds rows to now:
--       [orderNum, status to settle or '', reason, status its new history rows start from or '',
--       whether it paid the order (true/false), [those rows, each `<to>[ <reason>]`]], 13 the
--       records of the orders settled later (the JSON of each, joined by commas; '' for none),
--       14 a JSON array of the units their failed payments give back, [buyerNum, units, ...] (text),
--       15... their orderNum and settle in pairs (each settle JSON [status, reason, '', whether it
--       paid the order, [rows], the batch's time ms, ttl s])
-- Reply: 'STALE' (replayed), 'EMPTY' (line drained) or 'MORE'.
--- @include "includes/item-line"
--- @include "includes/order-mirror"
--- @include "includes/order-changes"
--- @include "includes/drain-rate"
--- @include "../../items/lua/includes/stock-gate"

if ARGV[10] ~= '' then moveStockGateForward(KEYS[1], ARGV[9], ARGV[10]) end
local count = tonumber(ARGV[3])
if count > 0 then
  if redis.call('LINDEX', KEYS[2], 0) ~= ARGV[4] then return 'STALE' end
  redis.call('LTRIM', KEYS[2], count, -1)
  -- 0 - n, not -n: Lua's -0 would reach Redis as "-0", which HINCRBY refuses.
  redis.call('HINCRBY', KEYS[1], 'inflight', 0 - tonumber(ARGV[5]))
  local processed = tonumber(redis.call('HGET', KEYS[1], 'processedSeq') or '0')
  if tonumber(ARGV[6]) > processed then
    processed = tonumber(ARGV[6])
    redis.call('HSET', KEYS[1], 'processedSeq', processed)
  end
  local now = redisClockMs()
  local drainRate = recordDrainRate(KEYS[1], processed, now)
  local settled, records, settledCount = {}, {}, 0
  local mirrorPrefix, heldKey, atMs, ttlSeconds, nowText = ARGV[1], KEYS[4], ARGV[11], ARGV[7], tostring(now)
  local updates = cjson.decode(ARGV[12])
  for i = 1, #updates do
    local orderNum, settle, reason, from, paid, rows = unpack(updates[i])
    local record = commitOrderMirror(mirrorPrefix .. orderNum, heldKey, settle, reason, from, rows, atMs, paid, ttlSeconds, nowText)
    if record then
      settledCount = settledCount + 1
      settled[settledCount], records[settledCount] = orderNum, record
    end
  end
  local releases = cjson.decode(ARGV[14])
  for i = 1, #releases, 2 do releaseUnits(heldKey, releases[i], releases[i + 1]) end
  if #ARGV > 14 then
    local later = {}
    for i = 15, #ARGV, 2 do
      later[i - 14], later[i - 13] = ARGV[i], nowText .. ' ' .. ARGV[i + 1]
      settledCount = settledCount + 1
      settled[settledCount] = ARGV[i]
    end
    redis.call('HSET', KEYS[5], unpack(later))
    redis.call('SADD', KEYS[6], ARGV[2])
  end
  publishLineBatch(ARGV[8], ARGV[2], processed, drainRate, settled, records, ARGV[13])
end
if redis.call('LLEN', KEYS[2]) == 0 then
  lowerDrainFlag(KEYS[1])
  redis.call('SREM', KEYS[3], ARGV[2])
  return 'EMPTY'
end
return 'MORE'
