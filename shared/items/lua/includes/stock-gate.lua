-- Moves an item's stock gate forward: sets `stock` to MySQL's quantity as of `version`, unless a
-- newer version is already there (a slower writer must never put back a stale value).
-- Returns 1 when the gate moved, 0 when it holds a newer version.
local function moveStockGateForward(saleKey, quantity, version)
  local current = tonumber(redis.call('HGET', saleKey, 'stockVersion') or '-1')
  if tonumber(version) <= current then return 0 end
  redis.call('HSET', saleKey, 'stock', quantity, 'stockVersion', version)
  return 1
end
