import type { Redis } from 'ioredis';
import { LuaScript, unexpectedReply } from '../lua/lua-script';
import { redisKeys } from '../redis-keys';

/** How an item's line stands in Redis right now, as its seller watches it. */
export interface LineFigures {
  /** Units in payments that wait in the line. */
  unitsInFlight: number;
  /** Payments waiting in the line: taken a place, not yet applied. */
  lineLength: number;
  /**
   * Payments applied per second lately: the rate the worker keeps for ETAs (the order steps'
   * includes/drain-rate.lua), 0 once nothing has been applied for a while, null until measured.
   */
  drainRatePerSecond: number | null;
}

const decodeLiveFigures = (raw: unknown): LineFigures => {
  if (!Array.isArray(raw) || raw.length !== 4) throw unexpectedReply('read-item-live-figures', raw);
  const [inflight, arrivals, processedSeq] = raw.slice(0, 3).map(Number);
  const rate = raw[3] === '' ? null : Number(raw[3]);
  if (![inflight, arrivals, processedSeq, rate ?? 0].every(Number.isFinite)) throw unexpectedReply('read-item-live-figures', raw);
  return { unitsInFlight: inflight, lineLength: Math.max(0, arrivals - processedSeq), drainRatePerSecond: rate === null ? null : Math.round(rate * 10) / 10 };
};

const readItemLiveFigures = new LuaScript(`${__dirname}/lua/read-item-live-figures.lua`, 1, decodeLiveFigures);

/** One item's line figures, in one Redis round trip. */
export function lineFiguresOf(redis: Redis, itemNum: number): Promise<LineFigures> {
  return readItemLiveFigures.run(redis, [redisKeys.itemSaleState(itemNum)], []);
}
