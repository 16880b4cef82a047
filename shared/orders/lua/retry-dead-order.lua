-- An operator's retry: puts a dead order's entries back at the head of its item's line, in their
-- order, ahead of everything that arrived after them, and asks for a drain if none is pending.
-- Their units are still counted in flight (bury-line-entry.lua left them there).
-- KEYS: 1 item sale state, 2 item line, 3 items with backlog, 4 item dead entries, 5 items with dead entries
-- ARGV: 1 orderNum, 2 itemNum
-- Reply: {'NOT_FOUND'} or {'OK', entries put back, 1 if the caller must request a drain else 0}.
--- @include "includes/item-line"

local stored = redis.call('HGET', KEYS[4], ARGV[1])
if not stored then return {'NOT_FOUND'} end
local entries = cjson.decode(stored).entries
for i = #entries, 1, -1 do redis.call('LPUSH', KEYS[2], entries[i]) end
redis.call('HDEL', KEYS[4], ARGV[1])
if redis.call('HLEN', KEYS[4]) == 0 then redis.call('SREM', KEYS[5], ARGV[2]) end
redis.call('SADD', KEYS[3], ARGV[2])
return {'OK', #entries, raiseDrainFlag(KEYS[1])}
