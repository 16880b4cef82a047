-- Reconciliation after Redis lost data: an order MySQL holds as INITIATED gets its mirror back (so
-- that its buyer can pay or cancel it from Redis) and its place in the ORDER_TTL sweep. An order
-- Redis still knows is left as it is: its mirror may be ahead of MySQL (paid or canceled, its entry
-- waiting in the line).
-- KEYS: 1 order mirror, 2 initiated orders
-- ARGV: 1 orderNum, 2 buyerNum, 3 itemNum, 4 quantity, 5 unitPrice, 6 amount, 7 createdAt ms
-- Reply: 1 when the mirror was restored, 0 when Redis still knew the order.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1],
  'orderNum', ARGV[1], 'buyerNum', ARGV[2], 'itemNum', ARGV[3], 'quantity', ARGV[4],
  'unitPrice', ARGV[5], 'amount', ARGV[6], 'status', 'INITIATED', 'createdAt', ARGV[7], 'updatedAt', ARGV[7])
redis.call('ZADD', KEYS[2], ARGV[7], ARGV[1])
return 1
