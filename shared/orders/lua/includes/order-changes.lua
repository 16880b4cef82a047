-- Order changes told to every API process on one pub/sub channel, so that it can wake the buyers
-- waiting on those orders (decoded by decodeOrderChange in shared/orders/order-changes.ts):
--   line <itemNum> <processedSeq> <drainRate or -> [<orderNum>...]   a batch of the item's line
--                                                                    applied, settling those orders
--   order <orderNum>                                                 one order's mirror changed
-- The channel carries REDIS_PREFIX, which ioredis puts on keys but not on channels.

local function publishLineBatch(channel, itemNum, processedSeq, drainRate, settledOrders)
  local words = {'line', itemNum, processedSeq, drainRate or '-'}
  for _, orderNum in ipairs(settledOrders) do table.insert(words, orderNum) end
  redis.call('PUBLISH', channel, table.concat(words, ' '))
end

local function publishOrderChange(channel, orderNum)
  redis.call('PUBLISH', channel, 'order ' .. orderNum)
end
