-- What pollers and watchers need of orders in one round trip: each order's mirror, with its item's
-- processed mark and drain rate.
-- KEYS: the order mirrors (any number); ARGV: 1 item key prefix
-- Reply: per key, the mirror's fields and values, then processedSeq and drainRate (see
-- includes/drain-rate.lua) with their values ('' for a rate not known yet); empty when there is no
-- mirror.
--- @include "includes/item-line"

-- Orders of one item share its line: read once per item, not once per order.
local lines = {}
local function lineOf(itemNum)
  if not lines[itemNum] then lines[itemNum] = redis.call('HMGET', (itemKeysOf(ARGV[1], itemNum)), 'processedSeq', 'drainRate') end
  return lines[itemNum]
end

local function progressOf(mirrorKey)
  local order = redis.call('HGETALL', mirrorKey)
  if #order == 0 then return order end
  local itemNum
  for i = 1, #order, 2 do
    if order[i] == 'itemNum' then itemNum = order[i + 1] end
  end
  local line = lineOf(itemNum)
  table.insert(order, 'processedSeq')
  table.insert(order, line[1] or '0')
  table.insert(order, 'drainRate')
  table.insert(order, line[2] or '')
  return order
end

local progresses = {}
for i, mirrorKey in ipairs(KEYS) do
  progresses[i] = progressOf(mirrorKey)
end
return progresses
