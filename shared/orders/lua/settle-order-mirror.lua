-- Settles an order mirror outside a line batch, for a refund (PAID -> CANCELED, written in MySQL
-- first): see commitOrderMirror in includes/order-mirror.lua, which also gives the order's units
-- back to its buyer. A mirror expires a day after it settled; the units of an order refunded later
-- come back all the same, once, since only the caller whose MySQL transaction made the change runs
-- this step. A settle a line batch left for later (the order's payment) is brought in first.
-- KEYS: 1 order mirror, 2 item held units, 3 item settling orders
-- ARGV: 1 status, 2 reason, 3 ttl s, 4 buyerNum, 5 quantity, 6 orderNum
-- Reply: 1 when the mirror now holds the status, 0 when it is gone or may not move there.
--- @include "includes/order-mirror"
--- @include "includes/settling-orders"

foldSettlingOrder(KEYS[3], ARGV[6], KEYS[1])

if redis.call('EXISTS', KEYS[1]) == 0 then
  if not holdsUnits(ARGV[1]) then releaseUnits(KEYS[2], ARGV[4], ARGV[5]) end
  return 0
end
if commitOrderMirror(KEYS[1], KEYS[2], ARGV[1], ARGV[2], '', {}, '', false, ARGV[3], tostring(redisClockMs())) then return 1 end
return 0
