import type { Response } from 'express';
import type { StreamEndings } from './stream-endings';

declare module 'express-serve-static-core' {
  interface Locals {
    /** When an event stream's headers went out (performance.now()): its answer time, not its whole life. */
    streamOpenedAt?: number;
  }
}

/**
 * A text/event-stream answer (server-sent events, WHATWG HTML §9.2). The format of what is sent
 * here is three lines, so it is written here rather than through a library whose per-stream
 * objects and keep-alive timers would cost more than the 10 KB a stream may take.
 */
export class EventStream {
  constructor(
    private readonly res: Response,
    private readonly endings: StreamEndings,
  ) {}

  /** Sends the headers at once, so that the client knows the stream is open before the first change. */
  open(): void {
    const { res } = this;
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      // nginx buffers a proxied answer unless told not to.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    // A small object of its own for the stream's whole life, in place of Express's null-prototype
    // locals (a dictionary, some 200 bytes).
    res.locals = { streamOpenedAt: performance.now() };
  }

  /** One event: its id (what a reconnecting client sends back as Last-Event-ID) and JSON data, which has no line breaks. */
  send(id: number, data: unknown): void {
    this.res.write(`id: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line, which clients ignore: keeps proxies from closing an idle stream. */
  comment(text: string): void {
    this.res.write(`: ${text}\n\n`);
  }

  /**
   * Ends the answer. Its end, with the stream's teardown, waits its turn in StreamEndings, behind
   * what the event loop takes in meanwhile: a batch of settles writes all its events first.
   */
  end(): void {
    this.endings.add(this.res);
  }
}
