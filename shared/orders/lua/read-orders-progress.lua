-- What pollers and watchers need of orders in one round trip: each order's mirror, with its item's
-- processed mark and drain rate. A mirror whose settle a line batch left for later is settled first
-- (includes/settling-orders.lua).
-- KEYS: the order mirrors (any number); ARGV: 1 item key prefix
-- Reply: per key, the mirror's fields and values, then processedSeq and drainRate (see
-- includes/drain-rate.lua) with their values ('' for a rate not known yet); empty when there is no
-- mirror.
--- @include "includes/item-line"
--- @include "includes/settling-orders"

-- Orders of one item share its line: read once per item, not once per order.
local lines = {}
local function lineOf(itemNum)
  if not lines[itemNum] then lines[itemNum] = redis.call('HMGET', (itemKeysOf(ARGV[1], itemNum)), 'processedSeq', 'drainRate') end
  return lines[itemNum]
end

-- The mirror's fields and values, and its orderNum, itemNum and status.
local function mirrorOf(mirrorKey)
  local order = redis.call('HGETALL', mirrorKey)
  local orderNum, itemNum, status
  for i = 1, #order, 2 do
    local field = order[i]
    if field == 'itemNum' then
      itemNum = order[i + 1]
    elseif field == 'status' then
      status = order[i + 1]
    elseif field == 'orderNum' then
      orderNum = order[i + 1]
    end
  end
  return order, orderNum, itemNum, status
end

local function progressOf(mirrorKey)
  local order, orderNum, itemNum, status = mirrorOf(mirrorKey)
  if #order == 0 then return order end
  if foldSettlingOrderOfItem(ARGV[1], itemNum, orderNum, mirrorKey, status) then order = mirrorOf(mirrorKey) end
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
