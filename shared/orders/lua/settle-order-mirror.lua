-- Sets a settled status on an order mirror if it still exists (it expires a while after settling)
-- and lets it expire; never creates a partial mirror.
-- KEYS: 1 order mirror; ARGV: 1 status, 2 reason, 3 now ms, 4 ttl s
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'reason', ARGV[2], 'updatedAt', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
