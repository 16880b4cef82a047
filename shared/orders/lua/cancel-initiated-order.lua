-- INITIATED -> CANCELED (by its owner, or by the service when ORDER_TTL passed), the order's units
-- given back to its buyer, and a cancel entry appended to the item's line so the worker writes it to
-- MySQL in line order.
-- Only what MySQL has not settled is canceled here: any other state is answered as it is and the
-- caller decides (PAID is refunded through MySQL).
-- KEYS: 1 order mirror, 2 initiated orders, 3 items with backlog
-- ARGV: 1 item key prefix, 2 orderNum, 3 buyerNum or '' (the service), 4 reason, 5 order changes channel
-- Reply: decoded by cancelInitiatedOrderReply in shared/orders/order-scripts.ts.
--- @include "../../lua/includes/redis-clock"
--- @include "includes/item-line"
--- @include "includes/held-units"
--- @include "includes/order-changes"
--- @include "includes/settling-orders"

local function mirror() return redis.call('HMGET', KEYS[1], 'buyerNum', 'itemNum', 'status', 'quantity') end
local order = mirror()
if not order[1] then
  redis.call('ZREM', KEYS[2], ARGV[2])
  return {'NOT_FOUND'}
end
if foldSettlingOrderOfItem(ARGV[1], order[2], ARGV[2], KEYS[1], order[3]) then order = mirror() end
if ARGV[3] ~= '' and order[1] ~= ARGV[3] then return {'FORBIDDEN'} end
if order[3] ~= 'INITIATED' then return {'NOT_INITIATED', order[3], order[2]} end

redis.call('HSET', KEYS[1], 'status', 'CANCELED', 'reason', ARGV[4], 'updatedAt', redisClockMs())
redis.call('ZREM', KEYS[2], ARGV[2])
releaseOnMove(heldUnitsKeyOf(ARGV[1], order[2]), order[3], 'CANCELED', order[1], order[4])
local sale, line = itemKeysOf(ARGV[1], order[2])
local entry = cancelEntry(ARGV[2], ARGV[4])
local mustRequestDrain = appendToItemLine(sale, line, KEYS[3], order[2], entry)
publishOrderChange(ARGV[5], ARGV[2])
return {'OK', order[2], mustRequestDrain}
