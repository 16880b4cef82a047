-- Puts MySQL's stock into the item's gate (see includes/stock-gate.lua).
-- KEYS: 1 item sale state; ARGV: 1 quantity, 2 version
-- Reply: 1 when the gate moved, 0 when it holds a newer version.
--- @include "includes/stock-gate"

return moveStockGateForward(KEYS[1], ARGV[1], ARGV[2])
