import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port';
import { waitFor } from './wait';

export type AppendFsync = 'always' | 'everysec';

/**
 * A redis-server of the test's own (free port, temporary directory, AOF on), so that a test can
 * SIGKILL and restart Redis without touching the machine's. Restarting keeps the directory: the
 * server comes back from its AOF, or empty with `{ empty: true }`.
 */
export class OwnRedisServer {
  private child: ChildProcess | undefined;

  private constructor(
    private readonly directory: string,
    readonly port: number,
    private readonly appendfsync: AppendFsync,
  ) {}

  static async start(appendfsync: AppendFsync = 'always'): Promise<OwnRedisServer> {
    const server = new OwnRedisServer(await mkdtemp(path.join(tmpdir(), 'rp-redis-')), await freePort(), appendfsync);
    await server.run();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Clients connected to this server, besides the one asking. */
  async connectedClients(): Promise<number> {
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await probe.connect();
      return Number(/connected_clients:(\d+)/.exec(await probe.info('clients'))![1]) - 1;
    } finally {
      probe.disconnect();
    }
  }

  /** SIGKILL: no fsync, no shutdown save; what survives is what the AOF already holds. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** Starts again on the same port and directory (from the AOF), or with its data wiped. */
  async restart(options: { empty?: boolean } = {}): Promise<void> {
    await this.kill();
    if (options.empty) {
      await rm(this.directory, { recursive: true, force: true });
      await mkdir(this.directory);
    }
    await this.run();
  }

  async stop(): Promise<void> {
    await this.kill();
    await rm(this.directory, { recursive: true, force: true });
  }

  private async run(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.directory, '--save', '', '--appendonly', 'yes'];
    args.push('--appendfsync', this.appendfsync, '--maxmemory-policy', 'noeviction');
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    await waitFor(`redis-server on port ${this.port}`, async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    }, 10_000, 20);
  }
}
