-- What a drain applies next: up to `limit` entries of an item's line from `offset`, with the orders
-- of the item that have dead entries (their later entries must follow them to the dead list).
-- Offset 0 reads the head. Offset n reads behind the drain's last batch, the n entries at the
-- head, while its Redis step is still on the way: only if that batch's first entry is still at
-- the head, so that what is read is what comes right after it (entries leave the line only from
-- the head, and nothing is put back behind it).
-- KEYS: 1 item line, 2 item dead entries
-- ARGV: 1 offset, 2 limit, 3 the entry expected at the head (offset > 0 only)
-- Reply: {'STALE'} (that batch is no longer at the head: read the head again) or
--        {'OK', the entries one a line, orderNums with dead entries}: one string rather than a
--        reply per entry, which a Redis client decodes one by one.

local offset = tonumber(ARGV[1])
if offset > 0 and redis.call('LINDEX', KEYS[1], 0) ~= ARGV[3] then return {'STALE'} end
return {'OK', table.concat(redis.call('LRANGE', KEYS[1], offset, offset + tonumber(ARGV[2]) - 1), '\n'), redis.call('HKEYS', KEYS[2])}
