-- Settles a line batch left for later (see commit-line-batch.lua): a hash per item (the key
-- redisKeys.itemSettlingOrders names), orderNum -> '<the step's time, ms> <JSON [status to settle,
-- reason, status its rows start from, whether the batch paid the order, [its rows], the batch's
-- time ms, settled mirror ttl s]>', the arguments the step would have given commitOrderMirror.
-- Each is brought into its order's mirror, exactly as the step would have, before any step reads or
-- moves that mirror, and by fold-settling-orders.lua once the item's line is empty; the item is in
-- the set redisKeys.itemsSettling while its hash holds any. Nothing is given back then: the step
-- gave back the units of a failed payment itself.
--- @include "order-mirror"

local function settlingKeyOf(itemKeyPrefix, itemNum)
  return itemKeyPrefix .. itemNum .. ':settling'
end

-- Brings the order's settle left for later, if its item's hash `settlingKey` holds one, into its
-- mirror. Returns whether it held one.
local function foldSettlingOrder(settlingKey, orderNum, mirrorKey)
  local pending = redis.call('HGET', settlingKey, orderNum)
  if not pending then return false end
  redis.call('HDEL', settlingKey, orderNum)
  local stepMs, update = string.match(pending, '^(%d+) (.*)$')
  local settle, reason, from, paid, rows, atMs, ttlSeconds = unpack(cjson.decode(update))
  commitOrderMirror(mirrorKey, false, settle, reason, from, rows, atMs, paid, ttlSeconds, stepMs)
  return true
end

-- The same for a step that learns the order's item and status from its mirror (`itemKeyPrefix`:
-- see ITEM_KEY_PREFIX in shared/redis-keys.ts): only a mirror that start-payment left IN_PROGRESS
-- can have a settle left for later, so no other is looked up.
local function foldSettlingOrderOfItem(itemKeyPrefix, itemNum, orderNum, mirrorKey, status)
  return status == 'IN_PROGRESS' and foldSettlingOrder(settlingKeyOf(itemKeyPrefix, itemNum), orderNum, mirrorKey)
end
