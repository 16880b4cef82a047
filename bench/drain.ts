import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import { partitionOf, type OrderQueues } from '../shared/queue';
import { redisKeys } from '../shared/redis-keys';
import { enterAndPayInRedis } from '../testkit/orders-in-redis';
import type { BenchUser } from './seed-data';
import { cpuMsByRole, cpuUsPerOrderSince, machineCpuShareSince, machineCpuTicks, type CpuRoles, type MachineCpuShare } from './machine-cpu';

export interface DrainMeasurement {
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  orderNums: number[];
  /** The machine's cores over the drain: how much of them MySQL, Redis, the workers and the rest took. */
  machineCpu: MachineCpuShare;
  /** CPU µs an order over the drain, by role (MySQL, Redis, the workers...). */
  cpuUsPerOrder: Record<string, number>;
}

/**
 * Hot-item drain: `orders` orders of one item are entered and paid through the same Lua steps as
 * the API (no HTTP, so the drain is measured, not the load generator) while the item's partition
 * is paused; then the partition resumes and we time the running workers until the line is empty.
 */
export async function measureHotItemDrain(
  config: Config,
  redis: Redis,
  orderQueues: OrderQueues,
  item: { itemNum: number; price: number },
  buyers: BenchUser[],
  orders: number,
  cpuRoles: CpuRoles,
): Promise<DrainMeasurement> {
  const queue = orderQueues.queues[partitionOf(item.itemNum, config.queuePartitions)];
  await queue.pause();
  const orderNums: number[] = [];
  for (let start = 0; start < orders; start += 500) {
    const chunk = Array.from({ length: Math.min(500, orders - start) }, (_, i) => buyers[(start + i) % buyers.length]);
    orderNums.push(...(await Promise.all(chunk.map((buyer) => enterAndPayInRedis(config, redis, item, buyer)))));
  }
  await orderQueues.requestDrain(item.itemNum);
  const cpuByRoleBefore = await cpuMsByRole(cpuRoles);
  const started = process.hrtime.bigint();
  const cpuBefore = machineCpuTicks();
  await queue.resume();
  while ((await redis.llen(redisKeys.itemLine(item.itemNum))) > 0) await sleep(5);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const machineCpu = machineCpuShareSince(cpuBefore);
  return { orders, seconds, ordersPerSecond: orders / seconds, orderNums, machineCpu, cpuUsPerOrder: await cpuUsPerOrderSince(cpuRoles, cpuByRoleBefore, orders) };
}
