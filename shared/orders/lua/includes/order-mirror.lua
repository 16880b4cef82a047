-- The order mirror: a hash per order under way, what pollers read without MySQL. Its status moves
-- only along the state machine of shared/orders/order-status.ts.
--- @include "generated/order-states"
--- @include "../../../lua/includes/redis-clock"

-- Sets a settled status on a mirror that still exists (it expires a while after settling; a
-- partial one is never made), when the state machine allows the move or the mirror holds that
-- status already (a worker confirming a cancel that the API's step made), then lets it expire.
-- Anything else leaves the mirror as it is. Returns 1 when the mirror now holds `status`.
local function settleOrderMirror(mirrorKey, status, reason, ttlSeconds)
  local current = redis.call('HGET', mirrorKey, 'status')
  if not current then return 0 end
  if current ~= status and not canTransition(current, status) then return 0 end
  redis.call('HSET', mirrorKey, 'status', status, 'reason', reason, 'updatedAt', redisClockMs())
  if isSettled(status) then redis.call('EXPIRE', mirrorKey, ttlSeconds) end
  return 1
end
