import { conflict, notFound, serviceUnavailable, tooManyRequests, type AppError } from '../errors';
import { syncItemSaleState } from '../items/sale-state-sync';
import { redisKeys, ORDER_MIRROR_KEY_PREFIX } from '../redis-keys';
import { accountDeleted, tokenRevoked, type TokenHolder } from '../users/access-tokens';
import { requestDrainAfterEntry } from './drain-request';
import type { IntakeContext } from './order-context';
import { orderScripts, type AdmitOrderReply } from './order-scripts';
import { stockHeldRetryAfterSeconds } from './place-in-line';

export interface PlaceOrderCommand {
  /** The caller, whose token's revocation is checked in the same Lua step. */
  caller: TokenHolder;
  buyerNum: number;
  itemNum: number;
  quantity: number;
  price: number;
  idempotencyKey?: string | undefined;
  /** The API request's id, passed on to the drain job it may start. */
  requestId?: string | undefined;
}

export interface OrderReceipt {
  orderNum: number;
  buyerNum: number;
  itemNum: number;
  quantity: number;
  status: 'INITIATED';
  createdAt: string;
}

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/**
 * Takes an order at spike speed: one Lua step in Redis decides (window, price, stock gate, the buyer's cap),
 * records the order and appends it to the item's line; no MySQL on this path. Only an item that
 * Redis does not know yet (first order after a Redis loss) is loaded from MySQL once.
 */
export async function placeOrder(ctx: IntakeContext, command: PlaceOrderCommand): Promise<OrderReceipt> {
  // Redis answers a retry with an Idempotency-Key by its first answer, even after the item sold out.
  if (command.idempotencyKey === undefined && ctx.soldOutMemo.isSoldOut(command.itemNum)) throw SOLD_OUT;
  ctx.redisGate.assertOpen();
  let reply = await admitInRedis(ctx, command);
  if (reply.outcome === 'NO_ITEM') {
    if (!(await syncItemSaleState(ctx.db, ctx.redis, command.itemNum))) throw notFound('Item', 'ITEM_NOT_FOUND');
    reply = await admitInRedis(ctx, command);
  }
  // Units came back (a refund, more stock): this process stops answering SOLD_OUT from memory at once.
  if (reply.outcome === 'OK' || reply.outcome === 'INSUFFICIENT_STOCK' || reply.outcome === 'STOCK_HELD') ctx.soldOutMemo.forget(command.itemNum);
  switch (reply.outcome) {
    case 'OK':
      if (reply.mustRequestDrain) await requestDrainAfterEntry(ctx, command.itemNum, command.requestId);
      return receipt(command, reply.orderNum, reply.createdAtMs);
    case 'DUPLICATE':
      return firstAnswer(command, reply.firstSubmission);
    case 'NO_ITEM':
    case 'NOT_FOUND':
      throw notFound('Item', 'ITEM_NOT_FOUND');
    case 'NOT_OPEN_YET':
      throw conflict('NOT_OPEN_YET', 'This item is not on sale yet', { details: { availableAt: new Date(reply.availableAtMs).toISOString() } });
    case 'SALE_ENDED':
      throw conflict('SALE_ENDED', 'The sale of this item has ended', { details: { endAt: new Date(reply.endAtMs).toISOString() } });
    case 'PRICE_MISMATCH':
      throw conflict('PRICE_MISMATCH', 'The price sent is not the item price', { details: { price: reply.price } });
    case 'SOLD_OUT':
      ctx.soldOutMemo.remember(command.itemNum);
      throw SOLD_OUT;
    case 'ACCOUNT_DELETED':
      throw accountDeleted();
    case 'TOKEN_REVOKED':
      throw tokenRevoked();
    case 'INSUFFICIENT_STOCK':
      throw conflict('INSUFFICIENT_STOCK', 'Not enough stock left for this quantity', { details: { stock: reply.stock } });
    case 'STOCK_HELD':
      throw stockHeld(reply);
    case 'PURCHASE_LIMIT_REACHED':
      throw conflict('PURCHASE_LIMIT_REACHED', `One buyer may hold at most ${reply.maxPerBuyer} units of this item; you hold ${reply.held}`, {
        details: { maxPerBuyer: reply.maxPerBuyer, held: reply.held },
      });
    case 'RATE_LIMITED':
      throw tooManyRequests('Too many order submissions; retry shortly', Math.max(1, Math.ceil(reply.retryAfterMs / 1000)), 'ORDER_RATE_LIMITED');
    case 'OVERLOADED':
      throw serviceUnavailable('ITEM_OVERLOADED', 'Too many orders are waiting for this item; retry shortly', 1);
  }
}

/** One shared instance: an AppError carries no per-request data, and this is the spike's most frequent answer. */
export const SOLD_OUT = conflict('SOLD_OUT', 'This item is sold out');

/** Every unit left is held by payments in flight, which give units back if they fail. */
function stockHeld(reply: Extract<AdmitOrderReply, { outcome: 'STOCK_HELD' }>): AppError {
  return conflict('STOCK_HELD', 'Every unit left is held by payments in progress; some may come back if they fail', {
    details: { stock: reply.stock, unitsInFlight: reply.unitsInFlight },
    retryAfterSeconds: stockHeldRetryAfterSeconds(reply.arrivals, reply.line),
  });
}

/**
 * The one Redis step of an order submission (admit-order.lua), which judges the sale window by
 * Redis's clock. Exported for the bench and the tests, which enter orders the same way without HTTP.
 */
export function admitInRedis(ctx: Pick<IntakeContext, 'config' | 'redis'>, command: PlaceOrderCommand): Promise<AdmitOrderReply> {
  const key = command.idempotencyKey;
  return orderScripts.admitOrder.run(
    ctx.redis,
    [
      redisKeys.itemSaleState(command.itemNum),
      redisKeys.itemLine(command.itemNum),
      redisKeys.orderSequence(),
      redisKeys.initiatedOrders(),
      redisKeys.itemsWithBacklog(),
      redisKeys.orderIdempotency(command.buyerNum, key ?? ''),
      redisKeys.tokensNotBefore(command.caller.userNum),
      redisKeys.orderSubmissions(command.buyerNum),
      redisKeys.itemHeldUnits(command.itemNum),
    ],
    [
      ctx.config.redisPrefix + ORDER_MIRROR_KEY_PREFIX,
      command.itemNum,
      command.buyerNum,
      command.quantity,
      command.price,
      key === undefined ? '' : fingerprintOf(command),
      IDEMPOTENCY_TTL_SECONDS,
      ctx.config.itemBacklogLimit,
      command.caller.issuedAtMs,
      ctx.config.orderRateLimit,
      ctx.config.orderRateWindowSeconds * 1000,
    ],
  );
}

function fingerprintOf(command: PlaceOrderCommand): string {
  return `${command.itemNum}/${command.quantity}/${command.price}`;
}

/** A retried submission with the same Idempotency-Key gets the first answer back, not a second order. */
function firstAnswer(command: PlaceOrderCommand, stored: string): OrderReceipt {
  const [orderNum, fingerprint, createdAt] = stored.split('|');
  if (fingerprint !== fingerprintOf(command)) {
    throw conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different order');
  }
  return receipt(command, Number(orderNum), Number(createdAt));
}

function receipt(command: PlaceOrderCommand, orderNum: number, createdAtMs: number): OrderReceipt {
  return {
    orderNum,
    buyerNum: command.buyerNum,
    itemNum: command.itemNum,
    quantity: command.quantity,
    status: 'INITIATED',
    createdAt: new Date(createdAtMs).toISOString(),
  };
}
