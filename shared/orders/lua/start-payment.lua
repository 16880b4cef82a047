-- INITIATED -> IN_PROGRESS for the order's owner: takes a place in the item's payment line and
-- appends a payment entry, in one step, so a payment is never accepted without being queued.
-- Like admit-order.lua it finishes the caller's authentication (token not revoked).
-- KEYS: 1 order mirror, 2 initiated orders, 3 items with backlog, 4 the buyer's token not-before
-- ARGV: 1 item key prefix, 2 orderNum, 3 buyerNum, 4 the token's issued-at ms, 5 order changes channel
-- Reply: decoded by startPaymentReply in shared/orders/order-scripts.ts.
--- @include "../../users/lua/includes/token-revocation"
--- @include "../../lua/includes/redis-clock"
--- @include "includes/item-line"
--- @include "generated/order-states"
--- @include "includes/order-changes"
--- @include "includes/settling-orders"

local revoked = tokenRevocation(KEYS[4], ARGV[4])
if revoked then return {revoked} end

local function mirror() return redis.call('HMGET', KEYS[1], 'buyerNum', 'itemNum', 'quantity', 'status') end
local order = mirror()
if not order[1] then return {'NOT_FOUND'} end
if foldSettlingOrderOfItem(ARGV[1], order[2], ARGV[2], KEYS[1], order[4]) then order = mirror() end
if order[1] ~= ARGV[3] then return {'FORBIDDEN'} end
if not canTransition(order[4], 'IN_PROGRESS') then return {'INVALID_STATE', order[4]} end

local sale, line = itemKeysOf(ARGV[1], order[2])
local seq = redis.call('HINCRBY', sale, 'arrivals', 1)
redis.call('HINCRBY', sale, 'inflight', order[3])
redis.call('HSET', KEYS[1], 'status', 'IN_PROGRESS', 'arrivalSeq', seq, 'updatedAt', redisClockMs())
redis.call('ZREM', KEYS[2], ARGV[2])
local entry = paymentEntry(ARGV[2], order[3], seq)
local mustRequestDrain = appendToItemLine(sale, line, KEYS[3], order[2], entry)
publishOrderChange(ARGV[5], ARGV[2])
return {'OK', order[2], tostring(seq), mustRequestDrain}
