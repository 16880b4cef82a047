-- Makes sure new order numbers start above every order MySQL already has (Redis may have lost it).
-- KEYS: 1 order sequence; ARGV: 1 highest orderNum in MySQL
-- Reply: the order sequence now.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return math.max(current, tonumber(ARGV[1]))
