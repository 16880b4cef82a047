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
-- `now`: the step's redisClockMs(), read once by a step that settles many mirrors.
local function settleOrderMirror(mirrorKey, heldKey, status, reason, ttlSeconds, now)
  local order = redis.call('HMGET', mirrorKey, 'status', 'buyerNum', 'quantity')
  local current = order[1]
  if not current then return 0 end
  if current ~= status and not canTransition(current, status) then return 0 end
  releaseOnMove(heldKey, current, status, order[2], order[3])
  redis.call('HSET', mirrorKey, 'status', status, 'reason', reason, 'updatedAt', now)
  if isSettled(status) then redis.call('EXPIRE', mirrorKey, ttlSeconds) end
  return 1
end

-- Appends to the mirror the history rows a MySQL transaction wrote for the order (one a line, as
-- shared/orders/mirror-history.ts reads them), and when it paid the order, when it paid, so that
-- the settled order is answered without MySQL. Only when the rows continue those the mirror holds
-- (`from`: the status the rows start from, '' for a new order): a mirror that missed rows keeps
-- what it has, no longer leads to the order's status, and is answered from MySQL. Never makes a
-- mirror that is gone.
local function appendMirrorHistory(mirrorKey, from, rows, paidAtMs)
  if redis.call('HEXISTS', mirrorKey, 'status') == 0 then return end
  local length = tonumber(redis.call('HGET', mirrorKey, 'historyLength') or '0')
  local lastTo = ''
  if length > 0 then lastTo = string.match(redis.call('HGET', mirrorKey, 'history:' .. length) or '', '^%d+ (%S+)') end
  if lastTo ~= from then return end
  for row in string.gmatch(rows, '[^\n]+') do
    length = length + 1
    redis.call('HSET', mirrorKey, 'history:' .. length, row)
  end
  redis.call('HSET', mirrorKey, 'historyLength', length)
  if paidAtMs ~= '' then redis.call('HSET', mirrorKey, 'paidAt', paidAtMs) end
end

-- The mirror's fields and values, then its item's processed mark and drain rate: what
-- read-orders-progress.lua reads of an order.
local function mirrorWithLine(mirrorKey, processedSeq, drainRate)
  local fields = redis.call('HGETALL', mirrorKey)
  table.insert(fields, 'processedSeq')
  table.insert(fields, tostring(processedSeq))
  table.insert(fields, 'drainRate')
  table.insert(fields, drainRate or '')
  return fields
end
