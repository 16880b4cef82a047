-- After the worker committed a batch of line entries to MySQL: removes exactly those entries,
-- releases their in-flight units, advances the line's processed mark and settles the mirrors.
-- Runs once per batch: a replayed batch (its first entry no longer at the head) changes nothing.
-- When the line is empty the drain flag is cleared in the same step, so a producer appending
-- after this sees the flag down and asks for a new drain: no wake-up is lost.
-- KEYS: 1 item sale state, 2 item line, 3 items with backlog
-- ARGV: 1 order mirror key prefix, 2 itemNum, 3 entry count, 4 first entry, 5 units released,
--       6 last arrival seq, 7 settled mirror ttl s, 8 now ms, then (orderNum, status, reason)...
local count = tonumber(ARGV[3])
if count > 0 then
  if redis.call('LINDEX', KEYS[2], 0) ~= ARGV[4] then return 'STALE' end
  redis.call('LTRIM', KEYS[2], count, -1)
  -- 0 - n, not -n: Lua's -0 would reach Redis as "-0", which HINCRBY refuses.
  redis.call('HINCRBY', KEYS[1], 'inflight', 0 - tonumber(ARGV[5]))
  local processed = tonumber(redis.call('HGET', KEYS[1], 'processedSeq') or '0')
  if tonumber(ARGV[6]) > processed then redis.call('HSET', KEYS[1], 'processedSeq', ARGV[6]) end
  for i = 9, #ARGV, 3 do
    local mirror = ARGV[1] .. ARGV[i]
    if redis.call('EXISTS', mirror) == 1 then
      redis.call('HSET', mirror, 'status', ARGV[i + 1], 'reason', ARGV[i + 2], 'updatedAt', ARGV[8])
      if ARGV[i + 1] ~= 'INITIATED' and ARGV[i + 1] ~= 'IN_PROGRESS' then
        redis.call('EXPIRE', mirror, ARGV[7])
      end
    end
  end
end
if redis.call('LLEN', KEYS[2]) == 0 then
  redis.call('HSET', KEYS[1], 'drainPending', '0')
  redis.call('SREM', KEYS[3], ARGV[2])
  return 'EMPTY'
end
return 'MORE'
