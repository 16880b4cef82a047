import type { BatchOutcome, WalkedBatch, WhileWriting } from '../shared/orders/apply-line-batch';
import { applyLineBatch, sendWalkedAhead, walkAhead } from '../shared/orders/apply-line-batch';
import type { StockLevel } from '../shared/items/item-repository';
import { buryHeadEntry, readLineBehind, readLineHead, type DeadEntryCause, type LineHead } from '../shared/orders/dead-entries';
import { orderNumOfEntry, parseLineEntry } from '../shared/orders/line-entries';
import type { ServiceContext } from '../shared/context';
import { commitLineBatch } from './commit-line-batch';
import type { CommitLineBatchReply } from '../shared/orders/order-scripts';
import { isTransientMysqlError, withTransientRetry, type RetryPolicy } from '../shared/transient-retry';

export type DrainResult = 'EMPTY' | 'MORE';

/** Told about each batch applied (metrics). */
type BatchObserver = (entries: number, seconds: number, outcome: BatchOutcome) => void;

export interface DrainOptions {
  /** Asked while each batch is applied (and after a read that found the line empty): true hands the partition over once that batch is done (time slice used while another drain waits, or stopping). */
  shouldYield: () => Promise<boolean>;
  /** True once the process stops: retries of an unavailable MySQL give up and the job ends (the line is drained again later). */
  stopping: () => boolean;
  onBatch?: BatchObserver;
  /** Told about each entry moved to the dead-letter list (metrics). */
  onDead?: (cause: DeadEntryCause) => void;
}

/** What the drain applies next; `walked`: the batch walked ahead while the one before it was in MySQL. */
interface NextBatch extends LineHead {
  walked?: WalkedBatch;
}

/** A batch applied in MySQL whose Redis step (commit-line-batch.lua) is sent but not taken in yet. */
interface BatchInCommit {
  size: number;
  outcome: BatchOutcome;
  /** The step's answer, and the seconds from the batch's start to it (it comes while the next batch is in MySQL). */
  answer: Promise<{ state: CommitLineBatchReply; seconds: number }>;
}

/**
 * Drains one item's line in arrival order, a batch at a time: whatever is waiting, up to
 * DRAIN_BATCH_SIZE, so a lone order goes alone at once and a spike goes in large batches.
 * Each batch is one MySQL transaction, then one Redis step that removes exactly that batch.
 * Redis works while MySQL does: once a batch's writes are sent to MySQL, the read of what follows
 * the batch is sent (from behind this batch and the last one, so that it does not wait for the
 * last one's step), then the last batch's step (so the worker builds and reads them while MySQL
 * writes, not between two transactions); that batch's own step goes with the next one. The batch
 * read so is walked ahead and, behind a batch that moves the stock, sent to MySQL at once to wait
 * on its lock and commit behind it (sendWalkedAhead), so MySQL goes from batch to batch without
 * waiting for the worker to take an answer: on a 2-core machine, busy with Redis's step and the
 * next walk, it took some 4 ms a batch to. A batch
 * committed in MySQL but not yet removed from the line changes nothing when applied again, so a
 * crash or a step answered STALE in between costs a replay, never a second effect; and what follows
 * a batch is read only while that batch is at the head, so batches reach MySQL in line order.
 *
 * MySQL away (or a lock conflict): the batch is tried again in place, with backoff and jitter, for
 * as long as it takes; retrying through BullMQ would reorder the partition.
 * An entry that fails for any other reason must not stall the item: a failing batch is halved
 * until the one entry that fails alone is found; the entries before it apply, it moves to the
 * item's dead-letter list (and so do later entries of its order, which must not overtake it),
 * and the rest of the line goes on in order.
 *
 * Returns MORE when asked to yield with work left.
 */
export async function drainItemLine(ctx: ServiceContext, itemNum: number, options: DrainOptions): Promise<DrainResult> {
  // Length of a prefix of the line known to hold an entry that cannot apply (undefined: none known).
  let suspect: number | undefined;
  const limitWith = (known: number | undefined) => (known === undefined ? ctx.config.drainBatchSize : Math.max(1, Math.floor(known / 2)));
  let inCommit: BatchInCommit | undefined;
  // The last batch applied in MySQL, its Redis step not sent yet: it goes while the next batch's writes run.
  let applied: { batch: string[]; outcome: BatchOutcome; started: bigint } | undefined;
  const sendAppliedStep = () => {
    if (!applied) return;
    const { batch, outcome, started } = applied;
    applied = undefined;
    const answer = commitLineBatch(ctx, itemNum, batch, outcome).then((state) => ({ state, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
    inCommit = { size: batch.length, outcome, answer };
  };
  const retry: RetryPolicy = {
    retryable: isTransientMysqlError,
    attempts: Infinity,
    firstDelayMs: 100,
    maxDelayMs: 2000,
    giveUp: options.stopping,
    onRetry: (error, attempt, delayMs) => {
      // The last batch is in MySQL already: its buyers hear of it now, not after the outage.
      sendAppliedStep();
      ctx.logger.warn({ err: error, itemNum, attempt, delayMs: Math.round(delayMs) }, 'MySQL unavailable while draining; retrying');
    },
  };
  // What follows the batch in MySQL, read behind it (and the last batch, its step not taken in yet) while MySQL works.
  let readAhead: Promise<NextBatch | undefined> | undefined;
  // Whether to yield after the batch in MySQL, asked meanwhile.
  let yielding: Promise<boolean> | undefined;
  // The answer of the last batch sent ahead (sendWalkedAhead), awaited before the drain ends.
  let sentAhead: Promise<boolean> | undefined;
  const dropAnswersAhead = () => {
    for (const answer of [readAhead, yielding]) void answer?.catch(() => undefined);
    readAhead = undefined;
    yielding = undefined;
  };
  /** Sends the last batch's Redis step if it is not yet, and waits for it; STALE: the line moved under it, nothing is known of its head. */
  const landCommit = async (): Promise<CommitLineBatchReply | undefined> => {
    sendAppliedStep();
    if (!inCommit) return undefined;
    const { size, outcome, answer } = inCommit;
    inCommit = undefined;
    const { state, seconds } = await answer;
    if (state === 'STALE') suspect = undefined;
    else options.onBatch?.(size, seconds, outcome);
    return state;
  };
  try {
    let head: NextBatch | undefined;
    for (;;) {
      const { entries, deadOrders, walked }: NextBatch = head ?? (await readLineHead(ctx.redis, itemNum, limitWith(suspect)));
      head = undefined;
      const firstFollower = deadOrders.size === 0 ? -1 : entries.findIndex((entry) => deadOrders.has(orderNumOfEntry(entry)));
      if (firstFollower === 0) {
        if ((await landCommit()) === 'STALE') continue;
        if ((await bury(ctx, itemNum, entries[0], 'follows-dead-order', options)) === 'STALE') suspect = undefined;
        continue;
      }
      const batch = firstFollower > 0 ? entries.slice(0, firstFollower) : entries;
      if (batch.length === 0) {
        // Only from the head: a read ahead that finds nothing waits for its batch's step instead.
        if ((await commitLineBatch(ctx, itemNum, batch, undefined)) === 'EMPTY') return 'EMPTY';
        if (await options.shouldYield()) return 'MORE';
        continue;
      }
      const suspectAfter = suspect === undefined || suspect <= batch.length ? undefined : suspect - batch.length;
      // Once per batch (not again when it runs again, nor once it is done), with the last batch's
      // step (one Redis connection keeps the order), before this batch's.
      let applying = true;
      let failedAhead: { error: unknown } | undefined;
      const sendAhead = (stockAfter: StockLevel, stockBefore: StockLevel) => {
        if (!applying || readAhead) return;
        try {
          // Sent at once only behind a batch that moves the stock: MySQL's check of the level then lets it write only after that batch.
          const sendAtOnce = stockAfter.version !== stockBefore.version;
          // Read before the last batch's step, from behind both, so the read does not wait for the step.
          readAhead = readLineBehind(ctx.redis, itemNum, applied ? [...applied.batch, ...batch] : batch, limitWith(suspectAfter))
            .then((next) => next && withWalkAhead(ctx, itemNum, next, suspectAfter === undefined ? stockAfter : undefined))
            .then((next) => {
              if (!sendAtOnce || !next?.walked) return next;
              const walked = sendWalkedAhead(ctx.db, itemNum, next.walked);
              sentAhead = walked.committed;
              return { ...next, walked };
            });
          sendAppliedStep();
          yielding = options.shouldYield();
        } catch (error) {
          failedAhead = { error };
        }
      };
      const started = process.hrtime.bigint();
      const outcome = await applyUnlessPoisoned(ctx, itemNum, batch, retry, sendAhead, batch === entries ? walked : undefined);
      applying = false;
      if (failedAhead) throw failedAhead.error;
      if ((await landCommit()) === 'STALE') {
        dropAnswersAhead();
        continue;
      }
      if (outcome instanceof PoisonedBatch) {
        dropAnswersAhead();
        if (batch.length > 1) {
          suspect = batch.length;
        } else {
          suspect = undefined;
          await bury(ctx, itemNum, batch[0], 'failed', options, outcome.error);
        }
        continue;
      }
      suspect = suspectAfter;
      applied = { batch, outcome, started };
      head = await readAhead;
      const yieldNow = await yielding;
      readAhead = yielding = undefined;
      if (!head?.entries.length) {
        head = undefined;
        if ((await landCommit()) === 'EMPTY') return 'EMPTY';
      }
      if (yieldNow) {
        // A batch sent ahead is taken in with this one, rather than left committed for the next drain to replay.
        const walked = head?.walked;
        if (head && walked?.committed && (await landCommit()) === 'MORE' && (await walked.committed)) applied = { batch: head.entries, outcome: walked.outcome, started: process.hrtime.bigint() };
        return (await landCommit()) === 'EMPTY' ? 'EMPTY' : 'MORE';
      }
    }
  } finally {
    // Leaving on an error: the last batch's step is still sent and answered before the job ends (a lost one is a replay).
    sendAppliedStep();
    dropAnswersAhead();
    await Promise.all([inCommit?.answer.catch(() => undefined), sentAhead]);
  }
}

/** A batch that failed for a reason that is not transient: one of its entries can't apply. */
class PoisonedBatch {
  constructor(readonly error: unknown) {}
}

/** Applies the batch, retrying transient failures in place; `whileWriting` and `walked`: see applyLineBatch. */
async function applyUnlessPoisoned(ctx: ServiceContext, itemNum: number, batch: string[], retry: RetryPolicy, whileWriting: WhileWriting, walked: WalkedBatch | undefined): Promise<BatchOutcome | PoisonedBatch> {
  try {
    const entries = walked?.entries ?? batch.map(parseLineEntry);
    return await withTransientRetry(() => applyLineBatch(ctx.db, itemNum, entries, paymentPolicyOf(ctx), whileWriting, walked), retry);
  } catch (error) {
    // Still transient here: the process is stopping; the line is drained again later.
    if (isTransientMysqlError(error)) throw error;
    return new PoisonedBatch(error);
  }
}

function paymentPolicyOf(ctx: ServiceContext) {
  return { failureRate: ctx.config.paymentFailureRate, random: Math.random };
}

/**
 * The batch read ahead, walked on the stock level the batch in MySQL leaves (`stockAfter`; none
 * while a failing entry is being looked for), when the whole of it goes next: no order of it has
 * dead entries. A batch that cannot be walked ahead (an entry that fails) is walked under the lock.
 */
async function withWalkAhead(ctx: ServiceContext, itemNum: number, next: LineHead, stockAfter: StockLevel | undefined): Promise<NextBatch> {
  if (!stockAfter || next.entries.length === 0 || next.deadOrders.size > 0) return next;
  try {
    return { ...next, walked: await walkAhead(ctx.db, itemNum, next.entries.map(parseLineEntry), stockAfter, paymentPolicyOf(ctx)) };
  } catch {
    return next;
  }
}

async function bury(ctx: ServiceContext, itemNum: number, entry: string, cause: DeadEntryCause, options: DrainOptions, error?: unknown) {
  const state = await buryHeadEntry(ctx.redis, itemNum, entry, cause, error);
  if (state === 'BURIED') {
    options.onDead?.(cause);
    ctx.logger.error({ err: error, itemNum, orderNum: orderNumOfEntry(entry), entry, cause }, 'line entry moved to the dead-letter list');
  }
  return state;
}
