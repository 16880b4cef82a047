-- An item's recent drain rate: payments applied per second (its processed mark over time), which
-- the ETA of a payment still in line is reckoned from. Measured over spans of at least
-- DRAIN_RATE_SPAN_MS of draining that applied some payment (batches of order records alone move
-- no mark); a pause longer than DRAIN_IDLE_MS between two batches starts a new span, so that time
-- with nothing to drain never lowers the rate. Until a span is complete the rate is unknown (nil). Kept in the item's sale state: drainRate, rateSpanAt, rateSpanSeq, lastBatchAt.
local DRAIN_RATE_SPAN_MS = 1000
local DRAIN_IDLE_MS = 5000

-- After a batch moved the processed mark to `processedSeq` at `now` (ms): the rate as it now stands.
local function recordDrainRate(saleKey, processedSeq, now)
  local state = redis.call('HMGET', saleKey, 'rateSpanAt', 'rateSpanSeq', 'lastBatchAt', 'drainRate')
  local spanAt, spanSeq, lastBatchAt, rate = tonumber(state[1]), tonumber(state[2]), tonumber(state[3]), state[4]
  if not spanAt or not lastBatchAt or now - lastBatchAt > DRAIN_IDLE_MS then
    redis.call('HSET', saleKey, 'rateSpanAt', now, 'rateSpanSeq', processedSeq, 'lastBatchAt', now)
  elseif now - spanAt >= DRAIN_RATE_SPAN_MS and processedSeq > spanSeq then
    rate = string.format('%.3f', (processedSeq - spanSeq) * 1000 / (now - spanAt))
    redis.call('HSET', saleKey, 'drainRate', rate, 'rateSpanAt', now, 'rateSpanSeq', processedSeq, 'lastBatchAt', now)
  else
    redis.call('HSET', saleKey, 'lastBatchAt', now)
  end
  return rate
end
