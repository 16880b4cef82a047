-- What each buyer holds of an item (DESIGN §10): a hash per item, buyerNum -> the units of the
-- buyer's orders of that item in a status that holds units (holdsUnits: INITIATED, IN_PROGRESS,
-- PAID). The admit step checks maxPerBuyer against it and adds the order's units in the same step;
-- the one step that moves an order out of those statuses gives its units back, also in the same
-- step, so they come back exactly once. Reconciliation rebuilds it after Redis lost data
-- (rebuild-held-units.lua).
--- @include "generated/order-states"

-- The item's hash from the item key prefix, for steps that learn the item from an order: the key
-- redisKeys.itemHeldUnits names.
local function heldUnitsKeyOf(itemKeyPrefix, itemNum)
  return itemKeyPrefix .. itemNum .. ':held'
end

local function unitsHeldBy(heldKey, buyerNum)
  return tonumber(redis.call('HGET', heldKey, buyerNum) or '0')
end

local function holdUnits(heldKey, buyerNum, units)
  redis.call('HINCRBY', heldKey, buyerNum, units)
end

-- A buyer who holds nothing leaves the hash.
local function releaseUnits(heldKey, buyerNum, units)
  -- 0 - n, not -n: Lua's -0 would reach Redis as "-0", which HINCRBY refuses.
  if redis.call('HINCRBY', heldKey, buyerNum, 0 - tonumber(units)) <= 0 then redis.call('HDEL', heldKey, buyerNum) end
end

-- Gives an order's units back if its move from `from` to `to` leaves the statuses that hold units.
local function releaseOnMove(heldKey, from, to, buyerNum, units)
  if holdsUnits(from) and not holdsUnits(to) then releaseUnits(heldKey, buyerNum, units) end
end
