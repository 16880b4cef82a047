import { readdirSync } from 'node:fs';
import os from 'node:os';

/**
 * Lowers the whole process to the nice value `nice`, never raising any of it (raising needs
 * privileges). On Linux a nice value belongs to each thread, and a thread starts with its starter's:
 * lowering the process alone (its main thread) left V8's garbage-collection and compiler threads and
 * libuv's, all started before, at the priority the process was started with, beside MySQL and the
 * API. So each thread under /proc/self/task is lowered too; elsewhere the process is all there is.
 */
export function lowerProcessPriority(nice: number): void {
  for (const thread of threadIds()) {
    try {
      if (os.getPriority(thread) < nice) os.setPriority(thread, nice);
    } catch {
      // The thread ended meanwhile.
    }
  }
}

/** The process's threads, or where there is no /proc, the process itself (0). */
function threadIds(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    return [0];
  }
}
