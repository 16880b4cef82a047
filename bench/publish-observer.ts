import path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { Redis } from 'ioredis';
import { decodeOrderChange } from '../shared/orders/order-changes';

interface ObserverSetup {
  redisUrl: string;
  channel: string;
}

/**
 * When each settle was published on the order changes channel, as a listener of the bench's own
 * hears it. It runs in a worker thread: in the bench's main thread, the thousands of stream
 * clients reading their events would hold up the message and make every delay look shorter.
 */
export class PublishObserver {
  private constructor(private readonly worker: Worker) {}

  static async start(setup: ObserverSetup): Promise<PublishObserver> {
    const file = path.join(__dirname, `publish-observer${path.extname(__filename)}`);
    // From the sources (the suite's smoke run) the .ts file needs tsx, and `--import tsx` does not reach worker threads.
    const loader = file.endsWith('.ts') ? `require(${JSON.stringify(require.resolve('tsx/cjs'))});` : '';
    const worker = new Worker(`${loader} require(${JSON.stringify(file)});`, { eval: true, workerData: setup });
    await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    return new PublishObserver(worker);
  }

  /** Stops listening; when each order's settle was heard (Date.now()). */
  async stop(): Promise<Map<number, number>> {
    const heard = new Promise<[number, number][]>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage('stop');
    const heardAt = new Map(await heard);
    await this.worker.terminate();
    return heardAt;
  }
}

function listen({ redisUrl, channel }: ObserverSetup): void {
  const heard: [number, number][] = [];
  const listener = new Redis(redisUrl);
  listener.on('message', (_channel: string, message: string) => {
    // Heard before it is decoded: a batch's message carries its settled mirrors, which take a moment to decode.
    const at = Date.now();
    const change = decodeOrderChange(message);
    if (change?.kind === 'line') for (const orderNum of change.settled) heard.push([orderNum, at]);
  });
  void listener.subscribe(channel).then(() => parentPort!.postMessage('subscribed'));
  parentPort!.once('message', () => void listener.quit().then(() => parentPort!.postMessage(heard)));
}

if (parentPort && (workerData as ObserverSetup | undefined)?.channel) listen(workerData as ObserverSetup);
