-- Admits one order at the opening second without MySQL: idempotency, sale window, price and stock
-- gate checked, order number drawn, mirror written, a record entry appended to the item's line.
-- It also finishes the caller's authentication (the API checked only the token's signature), so
-- that the hot path costs one Redis round trip.
-- The buyer's submission rate limit is a fixed-window counter here rather than a rate-limiter
-- library's own round trip, for the same reason.
-- KEYS: 1 item sale state, 2 item line, 3 order sequence, 4 initiated orders, 5 items with backlog,
--       6 idempotency key (unused when ARGV[7] is ''), 7 the buyer's token not-before,
--       8 the buyer's submission counter
-- ARGV: 1 order mirror key prefix, 2 now ms, 3 itemNum, 4 buyerNum, 5 quantity, 6 price,
--       7 idempotency fingerprint or '', 8 idempotency ttl s, 9 line length limit (0: none),
--       10 the token's issued-at ms, 11 submissions allowed per window (0: no limit), 12 window ms
-- Reply: decoded by admitOrderReply in shared/orders/order-scripts.ts.
--- @include "../../users/lua/includes/token-revocation"
--- @include "../../items/lua/includes/sale-window"
--- @include "includes/item-line"

local revoked = tokenRevocation(KEYS[7], ARGV[10])
if revoked then return {revoked} end

if ARGV[7] ~= '' then
  local first = redis.call('GET', KEYS[6])
  if first then return {'DUPLICATE', first} end
end

local rateLimit = tonumber(ARGV[11])
if rateLimit > 0 then
  local used = redis.call('INCR', KEYS[8])
  if used == 1 then redis.call('PEXPIRE', KEYS[8], ARGV[12]) end
  if used > rateLimit then return {'RATE_LIMITED', tostring(redis.call('PTTL', KEYS[8]))} end
end

local sale = redis.call('HMGET', KEYS[1], 'price', 'availableAt', 'endAt', 'deleted', 'stock', 'inflight')
if not sale[1] then return {'NO_ITEM'} end
if sale[4] == '1' then return {'NOT_FOUND'} end
local now = tonumber(ARGV[2])
local window = saleStatusAt(sale[2], sale[3], now)
if window == 'UPCOMING' then return {'NOT_OPEN_YET', sale[2]} end
if window == 'ENDED' then return {'SALE_ENDED', sale[3]} end
if sale[1] ~= ARGV[6] then return {'PRICE_MISMATCH', sale[1]} end

-- Sold out only when it is final: no stock and no payment in flight that might still fail.
local quantity = tonumber(ARGV[5])
local stock = tonumber(sale[5] or '0')
local inflight = tonumber(sale[6] or '0')
if inflight <= 0 and stock < quantity then
  if stock <= 0 then return {'SOLD_OUT'} end
  return {'INSUFFICIENT_STOCK', tostring(stock)}
end
local limit = tonumber(ARGV[9])
if limit > 0 and redis.call('LLEN', KEYS[2]) >= limit then return {'OVERLOADED'} end

local orderNum = redis.call('INCR', KEYS[3])
local amount = quantity * tonumber(ARGV[6])
redis.call('HSET', ARGV[1] .. orderNum,
  'orderNum', orderNum, 'buyerNum', ARGV[4], 'itemNum', ARGV[3], 'quantity', ARGV[5],
  'unitPrice', ARGV[6], 'amount', amount, 'status', 'INITIATED', 'createdAt', ARGV[2], 'updatedAt', ARGV[2])
redis.call('ZADD', KEYS[4], ARGV[2], orderNum)
if ARGV[7] ~= '' then
  redis.call('SET', KEYS[6], orderNum .. '|' .. ARGV[7] .. '|' .. ARGV[2], 'EX', ARGV[8])
end
local entry = recordEntry(orderNum, ARGV[4], ARGV[5], ARGV[6], ARGV[2])
local mustRequestDrain = appendToItemLine(KEYS[1], KEYS[2], KEYS[5], ARGV[3], entry)
return {'OK', tostring(orderNum), ARGV[2], mustRequestDrain}
