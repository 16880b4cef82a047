import type { Redis } from 'ioredis';
import { LuaScript, unexpectedReply } from '../lua/lua-script';
import { redisKeys } from '../redis-keys';

/** How an item's line stands in Redis right now, as its seller watches it. */
export interface LineFigures {
  /** Units in payments that wait in the line. */
  unitsInFlight: number;
  /** Payments waiting in the line: taken a place, not yet applied. */
  lineLength: number;
  /** Payments applied per second over the last DRAIN_WINDOW_MS; null until two samples are apart. */
  drainRatePerSecond: number | null;
}

/** The drain rate is measured over this window, from samples of the line's progress this far apart. */
export const DRAIN_WINDOW_MS = 10_000;
const DRAIN_SAMPLE_EVERY_MS = 1_000;

interface LiveFiguresReply {
  inflight: number;
  arrivals: number;
  processedSeq: number;
  windowStartMs: number;
  processedSeqThen: number;
}

const decodeLiveFigures = (raw: unknown): LiveFiguresReply => {
  const values = Array.isArray(raw) && raw.length === 5 ? raw.map(Number) : [];
  if (values.length !== 5 || values.some((value) => !Number.isFinite(value))) throw unexpectedReply('read-item-live-figures', raw);
  const [inflight, arrivals, processedSeq, windowStartMs, processedSeqThen] = values as [number, number, number, number, number];
  return { inflight, arrivals, processedSeq, windowStartMs, processedSeqThen };
};

const readItemLiveFigures = new LuaScript(`${__dirname}/lua/read-item-live-figures.lua`, 2, decodeLiveFigures);

/** Payments applied per second since the window's first sample; null while that sample is too recent to tell. */
function drainRateOf(reply: LiveFiguresReply, nowMs: number): number | null {
  const elapsedMs = nowMs - reply.windowStartMs;
  if (elapsedMs < DRAIN_SAMPLE_EVERY_MS) return null;
  return Math.round((Math.max(0, reply.processedSeq - reply.processedSeqThen) * 1000 * 10) / elapsedMs) / 10;
}

/** One item's line figures at `nowMs` (the service's clock), in one Redis round trip that also samples its progress for the drain rate. */
export async function lineFiguresOf(redis: Redis, itemNum: number, nowMs: number): Promise<LineFigures> {
  const reply = await readItemLiveFigures.run(redis, [redisKeys.itemSaleState(itemNum), redisKeys.itemDrainSamples(itemNum)], [nowMs, DRAIN_SAMPLE_EVERY_MS, DRAIN_WINDOW_MS]);
  return {
    unitsInFlight: reply.inflight,
    lineLength: Math.max(0, reply.arrivals - reply.processedSeq),
    drainRatePerSecond: drainRateOf(reply, nowMs),
  };
}
