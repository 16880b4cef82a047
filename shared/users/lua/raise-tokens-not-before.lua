-- Reconciliation: voids again the tokens of accounts changed in MySQL within
-- a token's lifetime (a password change or a deletion may have been lost with Redis). Moves the
-- not-before instant only forward, and never undoes a deletion.
-- KEYS: 1 the user's token not-before; ARGV: 1 instant ms, or 'deleted'
local current = redis.call('GET', KEYS[1])
if current == 'deleted' then return 0 end
if ARGV[1] ~= 'deleted' and current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
return 1
