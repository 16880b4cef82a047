-- What a poller needs in one round trip: the order mirror and its item's processed mark.
-- KEYS: 1 order mirror; ARGV: 1 item key prefix
-- Reply: the mirror's fields and values, then processedSeq and its value; empty when there is no mirror.
--- @include "includes/item-line"

local order = redis.call('HGETALL', KEYS[1])
if #order == 0 then return {} end
local itemNum
for i = 1, #order, 2 do
  if order[i] == 'itemNum' then itemNum = order[i + 1] end
end
table.insert(order, 'processedSeq')
table.insert(order, redis.call('HGET', (itemKeysOf(ARGV[1], itemNum)), 'processedSeq') or '0')
return order
