/**
 * What the Lua steps publish on the order changes channel (shared/orders/lua/includes/order-changes.lua),
 * decoded once here.
 */
export type OrderChange =
  /**
   * A batch of the item's line was applied: its processed mark and drain rate now, and the orders it
   * settled with their mirrors as the step left them (raw, as read-orders-progress.lua reads one).
   */
  | { kind: 'line'; itemNum: number; processedSeq: number; drainRate: number | null; settled: number[]; settledMirrors: unknown[] }
  /** One order's mirror changed outside a batch (payment started, canceled). */
  | { kind: 'order'; orderNum: number };

/** The change a message tells, or undefined for a message this version does not know. */
export function decodeOrderChange(message: string): OrderChange | undefined {
  const lineBreak = message.indexOf('\n');
  const [kind, ...words] = (lineBreak < 0 ? message : message.slice(0, lineBreak)).split(' ');
  if (kind === 'order' && words.length === 1) return { kind, orderNum: Number(words[0]) };
  if (kind === 'line' && words.length >= 3) {
    const [itemNum, processedSeq, drainRate, ...settled] = words;
    const settledMirrors = lineBreak < 0 ? [] : (JSON.parse(message.slice(lineBreak + 1)) as unknown[]);
    return { kind, itemNum: Number(itemNum), processedSeq: Number(processedSeq), drainRate: drainRate === '-' ? null : Number(drainRate), settled: settled.map(Number), settledMirrors };
  }
  return undefined;
}
