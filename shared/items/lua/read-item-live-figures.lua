-- An item's live figures for its seller's view, from its sale state: how far its line has got and
-- the drain rate the worker keeps there for ETAs (includes/drain-rate.lua), which holds its last
-- value while nothing drains; the seller is told 0 once no batch has been applied for
-- DRAIN_IDLE_MS, so that a finished or stalled line reads as such.
-- KEYS: 1 item sale state
-- Reply: {inflight, arrivals, processedSeq, drain rate ('' while unknown)}
--- @include "../../lua/includes/redis-clock"
--- @include "../../orders/lua/includes/drain-rate"

local figures = redis.call('HMGET', KEYS[1], 'inflight', 'arrivals', 'processedSeq', 'drainRate', 'lastBatchAt')
local rate = figures[4]
if rate and (not figures[5] or redisClockMs() - tonumber(figures[5]) > DRAIN_IDLE_MS) then rate = '0' end
return { figures[1] or '0', figures[2] or '0', figures[3] or '0', rate or '' }
