-- What a poller needs in one round trip: the order mirror, its item's processed mark and drain rate.
-- KEYS: 1 order mirror; ARGV: 1 item key prefix
-- Reply: the mirror's fields and values, then processedSeq and drainRate (see includes/drain-rate.lua)
-- with their values ('' for a rate not known yet); empty when there is no mirror.
--- @include "includes/item-line"

local order = redis.call('HGETALL', KEYS[1])
if #order == 0 then return {} end
local itemNum
for i = 1, #order, 2 do
  if order[i] == 'itemNum' then itemNum = order[i + 1] end
end
local line = redis.call('HMGET', (itemKeysOf(ARGV[1], itemNum)), 'processedSeq', 'drainRate')
table.insert(order, 'processedSeq')
table.insert(order, line[1] or '0')
table.insert(order, 'drainRate')
table.insert(order, line[2] or '')
return order
