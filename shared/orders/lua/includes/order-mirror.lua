-- The order mirror: a hash per order under way, what pollers read without MySQL. Its status moves
-- only along the state machine of shared/orders/order-status.ts.
--- @include "generated/order-states"
--- @include "../../../lua/includes/redis-clock"
--- @include "held-units"

-- What commitOrderMirror reads of a mirror, in this order: the fields of a settled order's record
-- (see the end of commitOrderMirror), and what the step needs besides.
local RECORD_FIELDS = {'buyerNum', 'quantity', 'unitPrice', 'amount', 'createdAt', 'arrivalSeq', 'status', 'reason', 'paidAt', 'historyLength'}

-- Brings a mirror that still exists (it expires a while after settling; a partial one is never
-- made) to what a MySQL transaction wrote for its order, in three calls (four for an order with
-- history rows from an earlier transaction):
-- - appends the history rows the transaction wrote (`rows`: a table of each row's `<to>[ <reason>]`;
--   the mirror keeps each as `<atMs> <to>[ <reason>]`, as shared/orders/mirror-history.ts reads them) and, when it paid the order (`paid`), when it paid; only when the rows continue
--   those the mirror holds (`from`: the status they start from, '' for a new order): a mirror that
--   missed rows keeps what it has, no longer leads to the order's status, and is answered from MySQL;
-- - sets the settled status `settle` ('' for none) when the state machine allows the move or the
--   mirror holds that status already (a worker confirming a cancel that the API's step made), then
--   lets it expire. A move out of the statuses that hold units gives the order's units back
--   (`heldKey`: its item's held units; false when the caller gave them back already); a
--   confirmation gives nothing, so they come back once.
--   Anything else leaves the status as it is.
-- Returns the settled order's record (see its end) when the mirror now holds `settle`, else nil.
-- `nowText`: the step's redisClockMs() as text, made once by a step that settles many mirrors (a
-- number argument is formatted by Redis's printf at each call).
local function commitOrderMirror(mirrorKey, heldKey, settle, reason, from, rows, atMs, paid, ttlSeconds, nowText)
  local order = redis.call('HMGET', mirrorKey, unpack(RECORD_FIELDS))
  local current = order[7]
  if not current then return nil end
  local length = tonumber(order[10] or '0')
  local history
  if length > 0 then
    local fields = {}
    for i = 1, length do fields[i] = 'history:' .. i end
    history = redis.call('HMGET', mirrorKey, unpack(fields))
  end
  -- The step's field/value pairs for one HSET, put by index; made at once at the size a settle
  -- with three rows takes (the rows, their count, paidAt, the status, its time and reason), not
  -- grown pair by pair.
  local changes, n = {false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false}, 0
  local continues = #rows > 0 and (length == 0 and from == '' or length > 0 and string.match(history[length] or '', '^%d+ (%S+)') == (from ~= '' and from or nil))
  if continues then
    history = history or {}
    for i = 1, #rows do
      length = length + 1
      local row = atMs .. ' ' .. rows[i]
      history[length] = row
      changes[n + 1], changes[n + 2], n = 'history:' .. length, row, n + 2
    end
    changes[n + 1], changes[n + 2], n = 'historyLength', length, n + 2
    if paid then
      order[9] = atMs
      changes[n + 1], changes[n + 2], n = 'paidAt', atMs, n + 2
    end
  end
  local settles = settle ~= '' and (current == settle or canTransition(current, settle))
  if settles then
    if heldKey then releaseOnMove(heldKey, current, settle, order[1], order[2]) end
    changes[n + 1], changes[n + 2], changes[n + 3], changes[n + 4], n = 'status', settle, 'updatedAt', nowText, n + 4
    -- A mirror without a reason keeps none for a status without one (a PAID order's), rather than
    -- take a field its readers read as none all the same.
    if reason ~= '' or (order[8] or '') ~= '' then changes[n + 1], changes[n + 2], n = 'reason', reason, n + 2 end
    order[7], order[8] = settle, reason
  end
  if n > 0 then redis.call('HSET', mirrorKey, unpack(changes, 1, n)) end
  if not settles then return nil end
  redis.call('EXPIRE', mirrorKey, ttlSeconds)
  -- The record, made of what was read: the first nine fields of RECORD_FIELDS ('' for one the
  -- mirror lacks), then the history rows in place of historyLength.
  for i = 1, 9 do order[i] = order[i] or '' end
  order[10] = nil
  for i = 1, length do order[9 + i] = history[i] or '' end
  return order
end
