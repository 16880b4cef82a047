import type { Redis } from 'ioredis';
import type { ServiceContext } from './context';

/**
 * Redis's clock in ms since the epoch: the service's one clock. The Lua steps that decide read it
 * themselves (shared/lua/includes/redis-clock.lua); the API reads it here for what it shows, so a
 * page's countdown and the order step count to the same instant whatever the hosts' clocks say.
 */
export async function readRedisClock(redis: Redis): Promise<number> {
  const [seconds, microseconds] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(microseconds) / 1000);
}

export interface ServiceTime {
  epochMs: number;
  serverTime: string;
}

/** The service's current time, for a page to correct its device's clock by. */
export async function serviceTime(ctx: Pick<ServiceContext, 'redis'>): Promise<ServiceTime> {
  const epochMs = await readRedisClock(ctx.redis);
  return { epochMs, serverTime: new Date(epochMs).toISOString() };
}
