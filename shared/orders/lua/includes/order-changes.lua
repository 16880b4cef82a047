-- Order changes told to every API process on one pub/sub channel, so that it can wake the buyers
-- waiting on those orders (decoded by decodeOrderChange in shared/orders/order-changes.ts):
--   line <itemNum> <processedSeq> <drainRate or -> [<orderNum>...]   a batch of the item's line
--                                                                    applied, settling those orders;
--     then, when it settled any, a line break and a JSON array of their records in the same order,
--     each as commitOrderMirror (includes/order-mirror.lua) leaves the mirror (or, for an order
--     settled later, will), so that the API tells their watchers without reading them again
--   order <orderNum>                                                 one order's mirror changed
-- The channel carries REDIS_PREFIX, which ioredis puts on keys but not on channels.

-- `settledRecords`: the records of the first settled orders, as tables; `laterRecords`: those of
-- the rest, as the JSON of each joined by commas ('' for none).
local function publishLineBatch(channel, itemNum, processedSeq, drainRate, settledOrders, settledRecords, laterRecords)
  local words = {'line', itemNum, processedSeq, drainRate or '-'}
  for _, orderNum in ipairs(settledOrders) do table.insert(words, orderNum) end
  local message = table.concat(words, ' ')
  local records = {}
  if #settledRecords > 0 then records[1] = string.sub(cjson.encode(settledRecords), 2, -2) end
  if laterRecords ~= '' then records[#records + 1] = laterRecords end
  if #records > 0 then message = message .. '\n[' .. table.concat(records, ',') .. ']' end
  redis.call('PUBLISH', channel, message)
end

local function publishOrderChange(channel, orderNum)
  redis.call('PUBLISH', channel, 'order ' .. orderNum)
end
