import type { OrderContext } from './order-context';

/**
 * Asks for the drain of an item's line after a Lua step put an entry on it and raised its drain
 * flag. The entry is taken once that step ran: should the request itself fail (Redis went away in
 * between), the buyer still gets the answer for what happened, and the worker's sweep requests the
 * drain of a line whose head stopped moving (worker/stuck-line-watch.ts).
 */
export async function requestDrainAfterEntry(ctx: OrderContext, itemNum: number, requestId?: string): Promise<void> {
  try {
    await ctx.orderQueues.requestDrain(itemNum, requestId);
  } catch (error) {
    ctx.logger.warn({ err: error, itemNum, requestId }, 'drain request failed; the sweep of stuck lines will make it');
  }
}
