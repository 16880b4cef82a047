-- Brings settles that line batches left for later (includes/settling-orders.lua) into their mirrors,
-- up to a number of them, once the item's line is empty: after a spike, off its drain.
-- KEYS: 1 items settling
-- ARGV: 1 item key prefix, 2 order mirror key prefix, 3 itemNum, 4 most orders
-- Reply: how many the item still has, or -1 when its line is not empty (none brought in).
--- @include "includes/item-line"
--- @include "includes/settling-orders"

local itemKeyPrefix, itemNum = ARGV[1], ARGV[3]
local _, line = itemKeysOf(itemKeyPrefix, itemNum)
if redis.call('LLEN', line) > 0 then return -1 end
local settlingKey = settlingKeyOf(itemKeyPrefix, itemNum)
for _, orderNum in ipairs(redis.call('HRANDFIELD', settlingKey, tonumber(ARGV[4]))) do
  foldSettlingOrder(settlingKey, orderNum, ARGV[2] .. orderNum)
end
local left = redis.call('HLEN', settlingKey)
if left == 0 then redis.call('SREM', KEYS[1], itemNum) end
return left
