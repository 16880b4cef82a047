import { readdirSync, readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { median } from './load';

/** The whole machine's CPU time so far, from /proc/stat (clock ticks, every core). */
export interface MachineCpuTicks {
  busy: number;
  /** Time the hypervisor gave this machine's virtual cores to someone else. */
  steal: number;
  total: number;
}

/** What share of the machine's cores a stretch of time kept busy, and lost to the hypervisor (percent of all cores). */
export interface MachineCpuShare {
  busyPercent: number;
  stealPercent: number;
}

export function machineCpuTicks(): MachineCpuTicks {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq;
  return { busy, steal, total: busy + idle + iowait + steal };
}

/** The machine's CPU share since `since` was read. */
export function machineCpuShareSince(since: MachineCpuTicks): MachineCpuShare {
  const now = machineCpuTicks();
  const total = Math.max(1, now.total - since.total);
  return { busyPercent: Math.round((100 * (now.busy - since.busy)) / total), stealPercent: Math.round((100 * (now.steal - since.steal)) / total) };
}

/** Medians of the runs' shares of the machine's cores: `busy% (steal%)`. */
export function machineCpuOf(shares: MachineCpuShare[]): string {
  return `${median(shares.map((share) => share.busyPercent))}% (${median(shares.map((share) => share.stealPercent))}%)`;
}

/** Clock ticks of /proc/<pid>/stat (USER_HZ, 100 on Linux whatever the kernel's HZ). */
const MS_PER_CLOCK_TICK = 10;

/** The process's CPU time so far (every thread, user and system), ms. */
export function processCpuMs(pid: number): number {
  // After the command name (which may hold spaces), utime and stime are the 12th and 13th fields.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_CLOCK_TICK;
}

/** The Redis server's CPU time so far (INFO cpu: every client's share, so only exact on a Redis of the bench's own), ms. */
export async function redisServerCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  return 1000 * ['used_cpu_sys', 'used_cpu_user'].reduce((sum, field) => sum + Number(new RegExp(`^${field}:(\\S+)`, 'm').exec(info)?.[1] ?? 0), 0);
}

/** The MySQL server's processes on this machine (MariaDB's `mariadbd`, MySQL's `mysqld`): none when it runs elsewhere. */
export function localMysqlPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return ['mariadbd', 'mysqld'].includes(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** What a timed part's CPU is split by: each role's processes (their CPU added up), and the Redis server. */
export interface CpuRoles {
  pids: Record<string, number[]>;
  redis: Redis;
}

/** CPU ms so far by role, and `redis`. */
export async function cpuMsByRole(roles: CpuRoles): Promise<Record<string, number>> {
  const byRole = Object.entries(roles.pids).map(([role, pids]) => [role, pids.reduce((sum, pid) => sum + processCpuMs(pid), 0)] as const);
  return { ...Object.fromEntries(byRole), redis: await redisServerCpuMs(roles.redis) };
}

/** CPU µs an order by role since `before` (cpuMsByRole) over `orders` orders. */
export async function cpuUsPerOrderSince(roles: CpuRoles, before: Record<string, number>, orders: number): Promise<Record<string, number>> {
  const now = await cpuMsByRole(roles);
  return Object.fromEntries(Object.entries(now).map(([role, ms]) => [role, Math.round((10_000 * (ms - before[role])) / orders) / 10]));
}
