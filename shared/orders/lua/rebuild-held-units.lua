-- Reconciliation after Redis lost data: rebuilds what each buyer holds of an item
-- (includes/held-units.lua). An order with entries still in the line or the dead-letter list is
-- counted from its mirror, which moves together with the hash (from MySQL when the mirror is gone);
-- every other order is counted from MySQL, whose per-buyer sums come without those orders.
-- KEYS: 1 item held units, 2 item line, 3 item dead entries
-- ARGV: 1 order mirror key prefix, 2 number n of MySQL sums, then n pairs (buyerNum, units), then
--       for each order that had entries when MySQL was read: orderNum, buyerNum, quantity, and 1 if
--       it holds units in MySQL, else 0 (also when MySQL has no such order yet)
-- Reply: the number of buyers holding units.
--- @include "includes/held-units"
--- @include "includes/item-line"

local held = {}
local function add(buyerNum, units)
  held[buyerNum] = (held[buyerNum] or 0) + tonumber(units)
end
local sums = tonumber(ARGV[2])
for i = 3, 2 + 2 * sums, 2 do add(ARGV[i], ARGV[i + 1]) end

local counted = {}
-- Answers false when the order has no mirror.
local function countFromMirror(orderNum)
  counted[orderNum] = true
  local order = redis.call('HMGET', ARGV[1] .. orderNum, 'buyerNum', 'quantity', 'status')
  if not order[1] then return false end
  if holdsUnits(order[3]) then add(order[1], order[2]) end
  return true
end
for i = 3 + 2 * sums, #ARGV, 4 do
  if not countFromMirror(ARGV[i]) and ARGV[i + 3] == '1' then add(ARGV[i + 1], ARGV[i + 2]) end
end
-- Entries that came since MySQL was read.
for _, entry in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
  local orderNum = orderNumOfEntry(entry)
  if orderNum and not counted[orderNum] then countFromMirror(orderNum) end
end
for _, orderNum in ipairs(redis.call('HKEYS', KEYS[3])) do
  if not counted[orderNum] then countFromMirror(orderNum) end
end

redis.call('DEL', KEYS[1])
local buyers = 0
for buyerNum, units in pairs(held) do
  if units > 0 then
    redis.call('HSET', KEYS[1], buyerNum, units)
    buyers = buyers + 1
  end
end
return buyers
