import { get as httpGet, type ClientRequest, type IncomingMessage } from 'node:http';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { assertAnswerMatchesDocument } from './checked-answers';
import { waitFor } from './wait';

export interface StreamEvent {
  id: number;
  order: Record<string, unknown> & { status: string; placeInLine?: number; etaSeconds?: number | null };
  /** When it arrived (Date.now()). */
  at: number;
}

/**
 * A buyer's end of GET /orders/{orderNum}/events over a connection of its own, read as it comes
 * with eventsource-parser. Its whole answer is checked against the API document once it ends.
 */
export class OrderStream {
  readonly events: StreamEvent[] = [];
  comments = 0;
  ended = false;
  private text = '';

  private constructor(
    url: string,
    private readonly request: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    const parser = createParser({
      onEvent: (event: EventSourceMessage) => this.events.push({ id: Number(event.id), order: JSON.parse(event.data), at: Date.now() }),
      onComment: () => (this.comments += 1),
    });
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.text += chunk;
      parser.feed(chunk);
    });
    response.once('end', () => {
      this.ended = true;
      assertAnswerMatchesDocument({ method: 'GET', url, status: response.statusCode!, headers: response.headers, text: this.text });
    });
  }

  get status(): number {
    return this.response.statusCode!;
  }

  /** The body of an answer that is not a stream (an error envelope), once it ended. */
  async errorBody(): Promise<{ code: string }> {
    await this.closed();
    return JSON.parse(this.text) as { code: string };
  }

  static open(baseUrl: string, orderNum: number, headers: Record<string, string> = {}, path = `/api/v1/orders/${orderNum}/events`): Promise<OrderStream> {
    const url = `${baseUrl}${path}`;
    return new Promise((resolve, reject) => {
      const request = httpGet(url, { agent: false, headers: { Accept: 'text/event-stream', ...headers } }, (response) => resolve(new OrderStream(url, request, response)));
      request.on('error', reject);
    });
  }

  /** The events so far once there are at least `count`. */
  async nextEvents(count: number, timeoutMs = 15_000): Promise<StreamEvent[]> {
    return waitFor(`${count} stream events`, () => this.events.length >= count && this.events, timeoutMs, 10);
  }

  /** Resolves once the server ended the stream. */
  async closed(timeoutMs = 15_000): Promise<void> {
    await waitFor('the server to end the stream', () => this.ended, timeoutMs, 10);
  }

  /** The client goes away: the connection is dropped mid-stream. */
  drop(): void {
    this.request.destroy();
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
