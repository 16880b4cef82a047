-- An item's line: the FIFO list of its order entries that a worker drains in arrival order. Each
-- entry is self-contained, so the worker reads nothing else (shared/orders/line-entries.ts parses
-- them; tests/line-entries.test.ts checks both agree):
--   r:<orderNum>:<buyerNum>:<quantity>:<unitPrice>:<createdAtMs>   record a new INITIATED order
--   p:<orderNum>:<quantity>:<arrivalSeq>                           apply a payment attempt
--   c:<orderNum>:<reason>                                          record a cancel of an INITIATED order
-- The item's sale state and line keys from the item key prefix (REDIS_PREFIX + ITEM_KEY_PREFIX),
-- for steps that learn the item from an order: the keys redisKeys.itemSaleState/itemLine name.
local function itemKeysOf(itemKeyPrefix, itemNum)
  return itemKeyPrefix .. itemNum .. ':sale', itemKeyPrefix .. itemNum .. ':line'
end

local function recordEntry(orderNum, buyerNum, quantity, unitPrice, createdAtMs)
  return 'r:' .. orderNum .. ':' .. buyerNum .. ':' .. quantity .. ':' .. unitPrice .. ':' .. createdAtMs
end

local function paymentEntry(orderNum, quantity, arrivalSeq)
  return 'p:' .. orderNum .. ':' .. quantity .. ':' .. arrivalSeq
end

local function cancelEntry(orderNum, reason)
  return 'c:' .. orderNum .. ':' .. reason
end

-- The order an entry is about (a string), or nil for an entry that names none.
local function orderNumOfEntry(entry)
  return string.match(entry, '^%a:(%d+)')
end

-- Units a payment entry holds in flight; 0 for any other entry.
local function unitsInFlightOf(entry)
  return tonumber(string.match(entry, '^p:%d+:(%d+):') or '0')
end

-- The drain flag (`drainPending` in the item's sale state) is up while a drain job is asked for or
-- running. It is lowered only in the step that finds the line empty (commit-line-batch.lua), so a
-- producer appending after that sees it down and asks for a new drain: no wake-up is lost.
-- Returns 1 when this call raised it, and so the caller must request a drain job; 0 when it was up.
local function raiseDrainFlag(saleKey)
  if redis.call('HGET', saleKey, 'drainPending') == '1' then return 0 end
  redis.call('HSET', saleKey, 'drainPending', '1')
  return 1
end

local function lowerDrainFlag(saleKey)
  redis.call('HSET', saleKey, 'drainPending', '0')
end

-- Appends an entry, puts the item in the backlog set and raises the drain flag (its answer).
local function appendToItemLine(saleKey, lineKey, backlogKey, itemNum, entry)
  redis.call('RPUSH', lineKey, entry)
  redis.call('SADD', backlogKey, itemNum)
  return raiseDrainFlag(saleKey)
end
