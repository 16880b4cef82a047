-- Settles an order mirror outside a line batch (a refund): see settleOrderMirror in
-- includes/order-mirror.lua.
-- KEYS: 1 order mirror; ARGV: 1 status, 2 reason, 3 ttl s
-- Reply: 1 when the mirror now holds the status, 0 when it is gone or may not move there.
--- @include "includes/order-mirror"

return settleOrderMirror(KEYS[1], ARGV[1], ARGV[2], ARGV[3])
