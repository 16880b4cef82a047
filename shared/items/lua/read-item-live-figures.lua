-- An item's live figures for its seller's view, and its drain rate. The worker keeps only how far
-- the item's line has got (processedSeq), so the rate is measured here: a sample of that mark is
-- taken at most once per sampling interval while someone watches, and the samples expire with the
-- window, so nothing is left behind once nobody watches.
-- KEYS: 1 item sale state, 2 item drain samples
-- ARGV: 1 now ms, 2 sampling interval ms, 3 window ms
-- Reply: {inflight, arrivals, processedSeq, window start ms, processedSeq then}: the oldest
-- sample inside the window (now and processedSeq itself when there is none yet).
local now = tonumber(ARGV[1])
local every = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local figures = redis.call('HMGET', KEYS[1], 'inflight', 'arrivals', 'processedSeq')
local processed = figures[3] or '0'

local newest = redis.call('LINDEX', KEYS[2], 0)
local newestAt = newest and tonumber(string.match(newest, '^(%d+):'))
if not newestAt or now - newestAt >= every then
  redis.call('LPUSH', KEYS[2], ARGV[1] .. ':' .. processed)
  redis.call('LTRIM', KEYS[2], 0, math.floor(window / every))
  redis.call('PEXPIRE', KEYS[2], window)
end

local startAt, startSeq = ARGV[1], processed
local samples = redis.call('LRANGE', KEYS[2], 0, -1)
for i = #samples, 1, -1 do
  local at, seq = string.match(samples[i], '^(%d+):(%d+)$')
  if now - tonumber(at) <= window then
    startAt, startSeq = at, seq
    break
  end
end
return { figures[1] or '0', figures[2] or '0', processed, startAt, startSeq }
