-- THE sale window rule of shared/items/sale-window.ts, on the epoch-ms strings of an item's sale
-- state ('' for an absent bound): UPCOMING before availableAt, ENDED from endAt on, else ON_SALE.
-- tests/sale-window.test.ts runs the same edge cases through both.
local function saleStatusAt(availableAt, endAt, now)
  if availableAt and availableAt ~= '' and now < tonumber(availableAt) then return 'UPCOMING' end
  if endAt and endAt ~= '' and now >= tonumber(endAt) then return 'ENDED' end
  return 'ON_SALE'
end
