import type { EventStream } from './event-stream';

/**
 * The order streams and `Prefer: wait` answers this API process holds open: one timer sends every
 * stream its keep-alive comment, and stopping the process ends them all at once (a client
 * reconnects elsewhere with Last-Event-ID; a wait answers what it has) instead of server.close()
 * waiting for them.
 */
export class OpenWatches {
  private readonly streams = new Set<EventStream>();
  private readonly waits = new Set<AbortController>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(keepAliveMs: number) {
    this.keepAlive = setInterval(() => this.streams.forEach((stream) => stream.comment('keep-alive')), keepAliveMs);
    this.keepAlive.unref();
  }

  get streamCount(): number {
    return this.streams.size;
  }

  get waitCount(): number {
    return this.waits.size;
  }

  /** Holds the stream until letGo(). */
  hold(stream: EventStream): void {
    this.streams.add(stream);
  }

  letGo(stream: EventStream): void {
    this.streams.delete(stream);
  }

  /** Holds the wait (aborted if the process stops first) until letGoWait(). */
  holdWait(wait: AbortController): void {
    this.waits.add(wait);
  }

  letGoWait(wait: AbortController): void {
    this.waits.delete(wait);
  }

  closeAll(): void {
    clearInterval(this.keepAlive);
    this.streams.forEach((stream) => stream.end());
    this.waits.forEach((wait) => wait.abort());
  }
}
