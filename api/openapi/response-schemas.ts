import { SALE_STATUSES } from '../../shared/items/sale-window';
import { ORDER_STATUSES } from '../../shared/orders/order-status';
import { USER_ROLES } from '../../shared/users/access-tokens';
import { WORKER_METRICS_STATES } from '../../shared/worker-roster';
import { arrayOf, count, exactObject, id, instant, oneOfValues, orNull, ref, text, type JsonSchema } from './json-schema';

/**
 * The `data` of every successful JSON answer, by name (components/schemas of the API document).
 * The test suite checks every answer it gets against these, so a field added to a view must be added
 * here too (or the suite fails, naming the field).
 */
const price: JsonSchema = { type: 'integer', minimum: 1, description: "In the currency's smallest unit" };
const pageOf = (items: string, of: string) => exactObject({ [items]: arrayOf(ref(of)), page: id, size: id, total: count });
const item = {
  itemNum: id,
  sellerNum: id,
  title: text,
  description: text,
  price,
  availableAt: orNull(instant),
  endAt: orNull(instant),
  maxPerBuyer: { ...orNull(id), description: "The most units one buyer may hold in the item's INITIATED, IN_PROGRESS and PAID orders at once; null: no cap" },
  createdAt: instant,
  updatedAt: instant,
  deletedAt: orNull(instant),
};
const listedItem = {
  ...item,
  saleStatus: { ...oneOfValues(SALE_STATUSES), description: 'Whether it is on sale at serverTime' },
  serverTime: { ...instant, description: "The service's clock, which the order step judges the sale window by: count down to availableAt from it, not from the device's clock" },
  stock: count,
};
const orderStatus = oneOfValues(ORDER_STATUSES);
const order = { orderNum: id, buyerNum: id, itemNum: id, quantity: id, unitPrice: price, amount: price, status: orderStatus, createdAt: instant };
const user = { userNum: id, name: text, email: { type: 'string', format: 'email' }, userRole: oneOfValues(USER_ROLES) };
const accessToken = { accessToken: text, tokenType: { const: 'Bearer' }, expiresIn: { type: 'integer', minimum: 1, description: 'Seconds' } };

export const DATA_SCHEMAS = {
  Item: exactObject(item),
  ItemStock: exactObject({ itemNum: id, stock: count }),
  ItemWithStock: exactObject({ ...item, stock: count }),
  ListedItem: exactObject(listedItem),
  ListedItemPage: pageOf('items', 'ListedItem'),
  LiveFigures: exactObject({
    unitsInFlight: { ...count, description: 'Units in payments waiting in the line' },
    lineLength: { ...count, description: 'Payments waiting in the line: taken a place, not yet applied' },
    drainRatePerSecond: {
      ...orNull({ type: 'number', minimum: 0 }),
      description: "Payments applied per second lately: the rate the worker keeps for ETAs, 0 once nothing has been applied for 5 s, null until the worker has measured one",
    },
    paidOrders: count,
    failedOrders: { ...count, description: 'FAILED_CUSTOMER (declined) and FAILED_QUANTITY (no stock left when its turn came)' },
  }),
  SellerItem: exactObject({ ...listedItem, live: ref('LiveFigures') }),
  SellerItemPage: pageOf('items', 'SellerItem'),
  CreatedItem: exactObject({ item: ref('Item'), stock: ref('ItemStock') }),
  OrderReceipt: exactObject({ orderNum: id, buyerNum: id, itemNum: id, quantity: id, status: { const: 'INITIATED' }, createdAt: instant }),
  PaymentReceipt: exactObject({
    orderNum: id,
    itemNum: id,
    status: { const: 'IN_PROGRESS' },
    arrivalSeq: { ...id, description: "The payment's place in its item's line; payments are applied in this order" },
  }),
  Order: exactObject(order),
  OrderHistoryEntry: exactObject({ from: orNull(orderStatus), to: orderStatus, reason: orNull(text), at: instant }),
  Payment: exactObject({ amount: price, status: oneOfValues(['PAID', 'REFUNDED']), paidAt: instant, refundedAt: orNull(instant) }),
  OrderDetail: exactObject(
    {
      ...order,
      placeInLine: { ...id, description: "Payments ahead of this one in the item's line, counting itself, while it waits (IN_PROGRESS)" },
      etaSeconds: {
        ...orNull({ type: 'integer', minimum: 0 }),
        description: "Beside placeInLine: seconds until its turn, reckoned from the item's recent drain rate; null while no rate is known yet",
      },
      reason: orNull(text),
      history: arrayOf(ref('OrderHistoryEntry')),
      payment: orNull(ref('Payment')),
    },
    ['placeInLine', 'etaSeconds', 'reason'],
  ),
  OrderPage: pageOf('orders', 'Order'),
  CancelReceipt: exactObject({ orderNum: id, status: { const: 'CANCELED' }, refunded: { type: 'boolean' } }),
  User: exactObject(user),
  SignedInUser: exactObject({ ...accessToken, ...user }),
  VerificationSent: exactObject({ email: { type: 'string', format: 'email' } }),
  ServiceTime: exactObject({
    epochMs: { type: 'integer', minimum: 0, description: "The service's clock (Redis's), in ms since the epoch: the instant the order step would judge a sale window at" },
    serverTime: { ...instant, description: 'The same instant, ISO-8601' },
  }),
  Health: exactObject({ uptimeSeconds: count }),
  Readiness: exactObject({ mysql: { const: 'up' }, redis: { const: 'up' }, workers: { ...count, description: 'Workers running now (GET /admin/workers says which)' } }),
  WorkerList: exactObject({ workers: arrayOf(ref('WorkerEntry')) }),
  DeadOrderList: exactObject({ deadOrders: arrayOf(ref('DeadOrder')) }),
  DeadOrder: exactObject({
    itemNum: id,
    orderNum: { ...count, description: '0: entries that name no order' },
    entries: { ...arrayOf(text), description: "The order's raw line entries, in line order: the one that failed, then those of the same order that followed it" },
    error: { ...text, description: 'Why the first entry could not apply (the driver code and message)' },
    diedAt: instant,
  }),
  DeadOrderRetried: exactObject({ itemNum: id, orderNum: count, requeued: { ...id, description: 'Entries put back at the head of the line' } }),
  DeadOrderCanceled: exactObject({ itemNum: id, orderNum: count, status: { const: 'CANCELED' }, unitsReleased: { ...count, description: 'Units of its payment that left the in-flight count' } }),
  WorkerEntry: exactObject(
    {
      host: text,
      pid: id,
      metrics: { ...oneOfValues(WORKER_METRICS_STATES), description: 'serving: /metrics answers on metricsPort; off: WORKER_METRICS_PORT is 0; unavailable: see problem' },
      metricsPort: { type: 'integer', minimum: 0, maximum: 65535 },
      problem: text,
    },
    ['problem'],
  ),
} satisfies Record<string, JsonSchema>;

export type DataSchemaName = keyof typeof DATA_SCHEMAS;
