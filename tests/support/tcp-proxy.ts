import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { testEnv } from './test-env';

/**
 * A loopback TCP proxy a test puts between the service and one dependency (MariaDB, Redis), to
 * make that dependency unreachable and bring it back without touching the dependency itself.
 *
 * cut(): every open connection is reset (as when the server dies or a firewall starts rejecting)
 * and new connections are accepted but never answered (as a network partition: the client
 * waits until its own timeout). restore(): connections held meanwhile are dropped and new ones
 * are forwarded again. hold() and release() model a server that answers late instead: connections
 * made meanwhile reach it once released.
 */
export class TcpProxy {
  private cutOff = false;
  /** While set, new connections wait here unanswered (hold()) until release() forwards them. */
  private held: Socket[] | undefined;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** A proxy in front of the test MySQL, and the test DATABASE_URL through it. */
  static async inFrontOfTestMysql(): Promise<{ proxy: TcpProxy; databaseUrl: string }> {
    const direct = testEnv().DATABASE_URL!;
    const { hostname, port } = new URL(direct);
    const proxy = await TcpProxy.start({ host: hostname, port: Number(port || 3306) });
    return { proxy, databaseUrl: proxy.urlFor(direct) };
  }

  private static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const proxy = new TcpProxy(server, (server.address() as { port: number }).port, target);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  /** The URL of the dependency as seen through this proxy (same credentials and path). */
  private urlFor(targetUrl: string): string {
    const url = new URL(targetUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  cut(): void {
    this.cutOff = true;
    this.dropAll();
  }

  restore(): void {
    this.dropAll();
    this.cutOff = false;
  }

  /** New connections are accepted and left unanswered, as by a server too busy to answer them yet; open ones go on. */
  hold(): void {
    this.held = [];
  }

  /** Connections held meanwhile reach the dependency now, late (those their clients gave up on are gone), and new ones at once. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const client of held) if (!client.destroyed) this.forward(client);
  }

  async close(): Promise<void> {
    this.dropAll();
    const closed = once(this.server, 'close');
    this.server.close();
    await closed;
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.cutOff) return;
    if (this.held) this.held.push(client);
    else this.forward(client);
  }

  private forward(client: Socket): void {
    const upstream = this.track(createConnection(this.target));
    client.pipe(upstream).pipe(client);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('close', closeBoth);
    upstream.once('close', closeBoth);
  }

  private track(socket: Socket): Socket {
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    // A reset while the test cuts is expected; without a listener it would crash the test run.
    socket.on('error', () => socket.destroy());
    return socket;
  }

  private dropAll(): void {
    for (const socket of this.open) socket.resetAndDestroy();
    this.open.clear();
  }
}
