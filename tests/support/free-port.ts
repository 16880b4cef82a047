import { once } from 'node:events';
import { createServer } from 'node:net';

/** A loopback port nothing listens on right now (for a process the test starts). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function canListen(port: number): Promise<boolean> {
  const server = createServer().listen(port, '0.0.0.0');
  try {
    await once(server, 'listening');
  } catch {
    return false;
  }
  server.close();
  return true;
}

// Below Linux's ephemeral range (32768-60999): there the kernel hands the next port to any outgoing
// connection at any moment, so a port found free beside another one would not stay free.
const STEADY_PORTS = { from: 20_000, to: 32_000 };

/** The first of `count` consecutive free ports (`npm start` gives worker n WORKER_METRICS_PORT + n - 1). */
export async function freeConsecutivePorts(count: number): Promise<number> {
  for (;;) {
    const first = STEADY_PORTS.from + Math.floor(Math.random() * (STEADY_PORTS.to - STEADY_PORTS.from - count));
    let free = true;
    for (let port = first; free && port < first + count; port++) free = await canListen(port);
    if (free) return first;
  }
}
