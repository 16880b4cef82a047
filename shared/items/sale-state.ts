/**
 * CONTRACT between the catalog (writer) and the order hot path (reader): the per-item sale state
 * kept in one Redis hash, `redisKeys.itemSaleState(itemNum)`, so that one Lua script can check the
 * sale window, the price and the stock gate of an order atomically without MySQL.
 *
 * Field          | written by                     | meaning
 * ---------------|--------------------------------|---------------------------------------------------
 * price          | catalog                        | unit price (integer, smallest currency unit)
 * sellerNum      | catalog                        | owner
 * availableAt    | catalog                        | epoch ms, or '' for a normal item
 * endAt          | catalog                        | epoch ms, or '' for no end
 * deleted        | catalog                        | '1' once soft-deleted, else '0'
 * stock          | catalog + order workers        | units left in MySQL (stocks.quantity) as of stockVersion
 * stockVersion   | catalog + order workers        | stocks.version that `stock` reflects; a write carrying
 *                |                                | a lower version is ignored (stale writer)
 * inflight       | order pipeline                 | units in payments queued but not yet applied
 *
 * The order pipeline may add fields of its own (counters for place in line); the catalog never
 * deletes the hash, it only marks `deleted`.
 */
export interface ItemSaleState {
  itemNum: number;
  sellerNum: number;
  price: number;
  availableAt: Date | null;
  endAt: Date | null;
  deleted: boolean;
  stock: number;
  stockVersion: number;
  inflight: number;
}
