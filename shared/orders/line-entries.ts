/**
 * Entries of an item's line (Redis list, FIFO). Each is self-contained so that the worker needs
 * no Redis read besides the line itself:
 *   r:<orderNum>:<buyerNum>:<quantity>:<unitPrice>:<createdAtMs>   record a new INITIATED order
 *   p:<orderNum>:<quantity>:<arrivalSeq>                           apply a payment attempt
 *   c:<orderNum>:<reason>                                          record a cancel of an INITIATED order
 * Written by the Lua scripts in ./lua (admit-order, start-payment, cancel-initiated-order). None
 * holds a line break (a reason is a code word): read-line-head.lua answers them one a line.
 */
export type LineEntry =
  | { kind: 'record'; orderNum: number; buyerNum: number; quantity: number; unitPrice: number; createdAt: Date }
  | { kind: 'pay'; orderNum: number; quantity: number; arrivalSeq: number }
  | { kind: 'cancel'; orderNum: number; reason: string };

export function parseLineEntry(raw: string): LineEntry {
  // Read by index: a batch parses ~1,000 entries, and arrays of their parts were a tenth of its garbage.
  const fields = raw.split(':');
  switch (fields[0]) {
    case 'r':
      return {
        kind: 'record',
        orderNum: Number(fields[1]),
        buyerNum: Number(fields[2]),
        quantity: Number(fields[3]),
        unitPrice: Number(fields[4]),
        createdAt: new Date(Number(fields[5])),
      };
    case 'p':
      return { kind: 'pay', orderNum: Number(fields[1]), quantity: Number(fields[2]), arrivalSeq: Number(fields[3]) };
    case 'c':
      return { kind: 'cancel', orderNum: Number(fields[1]), reason: fields.slice(2).join(':') };
    default:
      throw new Error(`unknown line entry "${raw}"`);
  }
}

/** The order an entry belongs to, read without parsing the rest; 0 for an entry that names none. */
export function orderNumOfEntry(raw: string): number {
  const match = /^[a-z]:(\d+)/.exec(raw);
  return match ? Number(match[1]) : 0;
}
