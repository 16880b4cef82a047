-- INITIATED -> IN_PROGRESS for the order's owner: takes a place in the item's payment line and
-- appends a payment entry, in one step, so a payment is never accepted without being queued.
-- Like admit-order.lua it finishes the caller's authentication (token not revoked).
-- KEYS: 1 order mirror, 2 initiated orders, 3 items with backlog, 4 the buyer's token not-before
-- ARGV: 1 item key prefix, 2 orderNum, 3 buyerNum, 4 now ms, 5 the token's issued-at ms
local notBefore = redis.call('GET', KEYS[4])
if notBefore == 'deleted' then return {'ACCOUNT_DELETED'} end
if notBefore and tonumber(ARGV[5]) < tonumber(notBefore) then return {'TOKEN_REVOKED'} end

local order = redis.call('HMGET', KEYS[1], 'buyerNum', 'itemNum', 'quantity', 'status')
if not order[1] then return {'NOT_FOUND'} end
if order[1] ~= ARGV[3] then return {'FORBIDDEN'} end
if order[4] ~= 'INITIATED' then return {'INVALID_STATE', order[4]} end

local sale = ARGV[1] .. order[2] .. ':sale'
local line = ARGV[1] .. order[2] .. ':line'
local seq = redis.call('HINCRBY', sale, 'arrivals', 1)
redis.call('HINCRBY', sale, 'inflight', order[3])
redis.call('HSET', KEYS[1], 'status', 'IN_PROGRESS', 'arrivalSeq', seq, 'updatedAt', ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('RPUSH', line, 'p:' .. ARGV[2] .. ':' .. order[3] .. ':' .. seq)
redis.call('SADD', KEYS[3], order[2])
local signal = 0
if redis.call('HGET', sale, 'drainPending') ~= '1' then
  redis.call('HSET', sale, 'drainPending', '1')
  signal = 1
end
return {'OK', order[2], tostring(seq), signal}
