import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'undici';

/** The node argument that lets collectGarbageOf() reach a process: where its inspector listens once sent SIGUSR1. */
export const inspectPortArg = (port: number) => `--inspect-port=127.0.0.1:${port}`;

/**
 * Makes a process started with inspectPortArg(port) collect all its garbage and give the freed heap
 * back, as V8 does under memory pressure (the DevTools protocol's HeapProfiler.collectGarbage, a
 * low-memory notification). Without it, what a burst of requests left in the old generation stays
 * in the RSS of an idle process until its next major GC, which may not come for minutes.
 */
async function collectGarbageOf(pid: number, port: number): Promise<void> {
  process.kill(pid, 'SIGUSR1');
  const socket = new WebSocket(await debuggerUrlOf(port));
  await new Promise((resolve, reject) => {
    socket.onerror = reject;
    socket.onopen = () => socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
    socket.onmessage = (message) => {
      if ((JSON.parse(String(message.data)) as { id?: number }).id === 1) resolve(undefined);
    };
  });
  socket.close();
}

/** The process's inspector target, once it listens (SIGUSR1 opens it within moments). */
async function debuggerUrlOf(port: number): Promise<string> {
  for (let tries = 0; ; tries++) {
    try {
      const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
      return target.webSocketDebuggerUrl;
    } catch (error) {
      if (tries === 50) throw error;
      await sleep(100);
    }
  }
}

/** A process started with inspectPortArg(inspectPort), reached to collect its garbage. */
export interface InspectableProcess {
  pid: number;
  inspectPort: number;
  /** How long its RSS is left to settle after each collection, ms (1,000 unless a smoke run, which measures nothing, waits less). */
  steadyMs?: number;
}

/** The process's RSS once it has collected its garbage (twice: the second compacts what the first freed) and held steady. */
export async function settledRssMiBOf({ pid, inspectPort, steadyMs = 1000 }: InspectableProcess): Promise<number> {
  for (let round = 0; round < 2; round++) {
    await collectGarbageOf(pid, inspectPort);
    await sleep(steadyMs);
  }
  await sleep(steadyMs);
  return rssMiBOf(pid);
}

function rssMiBOf(pid: number): number {
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kib / 1024;
}
