-- Admits one order at the opening second without MySQL: idempotency, sale window, price, stock gate
-- (units neither sold nor held by payments in flight)
-- and the buyer's cap (maxPerBuyer) checked, order number drawn, mirror written, the buyer's held
-- units raised, a record entry appended to the item's line.
-- It also finishes the caller's authentication (the API checked only the token's signature), so
-- that the hot path costs one Redis round trip.
-- The buyer's submission rate limit is a fixed-window counter here rather than a rate-limiter
-- library's own round trip, for the same reason; its window is the counter's expiry, which Redis
-- keeps by its own clock, the one the sale window is judged by.
-- KEYS: 1 item sale state, 2 item line, 3 order sequence, 4 initiated orders, 5 items with backlog,
--       6 idempotency key (unused when ARGV[6] is ''), 7 the buyer's token not-before,
--       8 the buyer's submission counter, 9 the item's held units (includes/held-units.lua)
-- ARGV: 1 order mirror key prefix, 2 itemNum, 3 buyerNum, 4 quantity, 5 price,
--       6 idempotency fingerprint or '', 7 idempotency ttl s, 8 line length limit (0: none),
--       9 the token's issued-at ms, 10 submissions allowed per window (0: no limit), 11 window ms
-- Reply: decoded by admitOrderReply in shared/orders/order-scripts.ts.
--- @include "../../users/lua/includes/token-revocation"
--- @include "../../lua/includes/redis-clock"
--- @include "../../items/lua/includes/sale-window"
--- @include "includes/item-line"
--- @include "includes/held-units"

local revoked = tokenRevocation(KEYS[7], ARGV[9])
if revoked then return {revoked} end

if ARGV[6] ~= '' then
  local first = redis.call('GET', KEYS[6])
  if first then return {'DUPLICATE', first} end
end

local rateLimit = tonumber(ARGV[10])
if rateLimit > 0 then
  local used = redis.call('INCR', KEYS[8])
  if used == 1 then redis.call('PEXPIRE', KEYS[8], ARGV[11]) end
  if used > rateLimit then return {'RATE_LIMITED', tostring(redis.call('PTTL', KEYS[8]))} end
end

local sale = redis.call('HMGET', KEYS[1], 'price', 'availableAt', 'endAt', 'deleted', 'stock', 'inflight', 'maxPerBuyer')
if not sale[1] then return {'NO_ITEM'} end
if sale[4] == '1' then return {'NOT_FOUND'} end
local now = redisClockMs()
local window = saleStatusAt(sale[2], sale[3], now)
if window == 'UPCOMING' then return {'NOT_OPEN_YET', sale[2]} end
if window == 'ENDED' then return {'SALE_ENDED', sale[3]} end
if sale[1] ~= ARGV[5] then return {'PRICE_MISMATCH', sale[1]} end

-- Sold out only when it is final: no stock and no payment in flight that might still fail.
local quantity = tonumber(ARGV[4])
local stock = tonumber(sale[5] or '0')
local inflight = tonumber(sale[6] or '0')
if inflight <= 0 and stock < quantity then
  if stock <= 0 then return {'SOLD_OUT'} end
  return {'INSUFFICIENT_STOCK', tostring(stock)}
end
-- Units held by payments in flight are not offered again while they may still be taken: an order
-- for them would almost surely end FAILED_QUANTITY, after costing a payment, polls and a drain.
-- The line's progress goes back so that the buyer can be told when to ask again.
if stock - inflight < quantity then
  local line = redis.call('HMGET', KEYS[1], 'arrivals', 'processedSeq', 'drainRate')
  return {'STOCK_HELD', tostring(stock), tostring(inflight), line[1] or '0', line[2] or '0', line[3] or ''}
end
-- After the stock gate, so a sold-out item still answers SOLD_OUT to everyone.
local maxPerBuyer = tonumber(sale[7] or '')
if maxPerBuyer then
  local held = unitsHeldBy(KEYS[9], ARGV[3])
  if held + quantity > maxPerBuyer then return {'PURCHASE_LIMIT_REACHED', sale[7], tostring(held)} end
end
local limit = tonumber(ARGV[8])
if limit > 0 and redis.call('LLEN', KEYS[2]) >= limit then return {'OVERLOADED'} end

local orderNum = redis.call('INCR', KEYS[3])
local amount = quantity * tonumber(ARGV[5])
redis.call('HSET', ARGV[1] .. orderNum,
  'orderNum', orderNum, 'buyerNum', ARGV[3], 'itemNum', ARGV[2], 'quantity', ARGV[4],
  'unitPrice', ARGV[5], 'amount', amount, 'status', 'INITIATED', 'createdAt', now, 'updatedAt', now)
redis.call('ZADD', KEYS[4], now, orderNum)
holdUnits(KEYS[9], ARGV[3], quantity)
if ARGV[6] ~= '' then
  redis.call('SET', KEYS[6], orderNum .. '|' .. ARGV[6] .. '|' .. now, 'EX', ARGV[7])
end
local entry = recordEntry(orderNum, ARGV[3], ARGV[4], ARGV[5], now)
local mustRequestDrain = appendToItemLine(KEYS[1], KEYS[2], KEYS[5], ARGV[2], entry)
return {'OK', tostring(orderNum), now, mustRequestDrain}
