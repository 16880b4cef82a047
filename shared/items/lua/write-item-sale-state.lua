-- Writes an item's sale terms (price, window, seller, deleted, per-buyer cap) and its stock as of `version`.
-- The stock moves only forward (newer version) unless `exact`: MySQL is then taken as it is, for a
-- new item or the start-up reconciliation, where Redis may hold leftovers of another database.
-- Counters of the order pipeline are left alone.
-- KEYS: 1 item sale state
-- ARGV: 1 itemNum, 2 sellerNum, 3 price, 4 availableAt ms or '', 5 endAt ms or '', 6 deleted 0|1,
--       7 stock quantity, 8 stock version, 9 'exact' or 'forward', 10 maxPerBuyer or '' (no cap)
-- Reply: 1.
redis.call('HSET', KEYS[1], 'itemNum', ARGV[1], 'sellerNum', ARGV[2], 'price', ARGV[3],
  'availableAt', ARGV[4], 'endAt', ARGV[5], 'deleted', ARGV[6], 'maxPerBuyer', ARGV[10])
local current = tonumber(redis.call('HGET', KEYS[1], 'stockVersion') or '-1')
if ARGV[9] == 'exact' or tonumber(ARGV[8]) > current then
  redis.call('HSET', KEYS[1], 'stock', ARGV[7], 'stockVersion', ARGV[8])
end
return 1
