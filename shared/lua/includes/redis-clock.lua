-- THE clock of every decision that depends on the time (sale window, order times, ORDER_TTL):
-- Redis's own, read in the step that decides, so that API processes on hosts whose clocks disagree
-- judge the opening second alike. shared/redis-clock.ts reads the same clock for the API's answers.
-- Reading TIME before a write is allowed: Redis 7 replicates a script's effects, not the script.
local function redisClockMs()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
