-- The order mirror: a hash per order under way, what pollers read without MySQL. Its status moves
-- only along the state machine of shared/orders/order-status.ts.
--- @include "generated/order-states"
--- @include "../../../lua/includes/redis-clock"
--- @include "held-units"

-- Sets a settled status on a mirror that still exists (it expires a while after settling; a
-- partial one is never made), when the state machine allows the move or the mirror holds that
-- status already (a worker confirming a cancel that the API's step made), then lets it expire.
-- A move out of the statuses that hold units gives the order's units back (`heldKey`: its item's
-- held units); a confirmation gives nothing, so they come back once.
-- Anything else leaves the mirror as it is. Returns 1 when the mirror now holds `status`.
local function settleOrderMirror(mirrorKey, heldKey, status, reason, ttlSeconds)
  local order = redis.call('HMGET', mirrorKey, 'status', 'buyerNum', 'quantity')
  local current = order[1]
  if not current then return 0 end
  if current ~= status and not canTransition(current, status) then return 0 end
  releaseOnMove(heldKey, current, status, order[2], order[3])
  redis.call('HSET', mirrorKey, 'status', status, 'reason', reason, 'updatedAt', redisClockMs())
  if isSettled(status) then redis.call('EXPIRE', mirrorKey, ttlSeconds) end
  return 1
end
