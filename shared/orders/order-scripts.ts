import { LuaScript } from '../lua-script';

const here = `${__dirname}/lua`;

/** The atomic Redis steps of the order pipeline; each file says what it does and its KEYS/ARGV. */
export const orderScripts = {
  admitOrder: new LuaScript<string[]>(here, 'admit-order.lua', 6),
  startPayment: new LuaScript<string[]>(here, 'start-payment.lua', 3),
  cancelInitiatedOrder: new LuaScript<string[]>(here, 'cancel-initiated-order.lua', 3),
  commitLineBatch: new LuaScript<'EMPTY' | 'MORE' | 'STALE'>(here, 'commit-line-batch.lua', 3),
  reconcileItemLine: new LuaScript<number>(here, 'reconcile-item-line.lua', 3),
  raiseOrderSequence: new LuaScript<number>(here, 'raise-order-sequence.lua', 1),
  readOrderProgress: new LuaScript<string[]>(here, 'read-order-progress.lua', 1),
};
