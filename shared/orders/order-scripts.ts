import { LuaScript } from '../lua/lua-script';

const here = `${__dirname}/lua`;

/** How long a settled order's mirror stays for pollers; MySQL answers after that. */
export const SETTLED_MIRROR_TTL_SECONDS = 24 * 3600;

/** The atomic Redis steps of the order pipeline; each file says what it does and its KEYS/ARGV. */
export const orderScripts = {
  admitOrder: new LuaScript<string[]>(here, 'admit-order.lua', 8),
  startPayment: new LuaScript<string[]>(here, 'start-payment.lua', 4),
  cancelInitiatedOrder: new LuaScript<string[]>(here, 'cancel-initiated-order.lua', 3),
  commitLineBatch: new LuaScript<'EMPTY' | 'MORE' | 'STALE'>(here, 'commit-line-batch.lua', 3),
  reconcileItemLine: new LuaScript<number>(here, 'reconcile-item-line.lua', 4),
  restoreInitiatedOrder: new LuaScript<number>(here, 'restore-initiated-order.lua', 2),
  buryLineEntry: new LuaScript<'STALE' | 'GONE' | 'BURIED'>(here, 'bury-line-entry.lua', 3),
  retryDeadOrder: new LuaScript<[string, number?, number?]>(here, 'retry-dead-order.lua', 5),
  cancelDeadOrder: new LuaScript<[string, number?]>(here, 'cancel-dead-order.lua', 5),
  raiseOrderSequence: new LuaScript<number>(here, 'raise-order-sequence.lua', 1),
  settleOrderMirror: new LuaScript<number>(here, 'settle-order-mirror.lua', 1),
  readOrderProgress: new LuaScript<string[]>(here, 'read-order-progress.lua', 1),
};
