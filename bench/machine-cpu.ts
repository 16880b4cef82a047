import { readFileSync } from 'node:fs';
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
