import { ERROR_CODES, HTTP_STATUS, type ErrorCode, type HttpStatusName } from '../../shared/errors';
import { ORDER_STATUSES } from '../../shared/orders/order-status';
import { arrayOf, count, exactObject, instant, oneOfValues, orNull, ref, text, type JsonSchema } from './json-schema';

/**
 * What an error answer's `data` holds for the codes that carry details; every other code answers
 * `data: null`. VALIDATION_FAILED alone adds `errors`, the failing fields.
 */
const ERROR_DETAILS: Partial<Record<ErrorCode, JsonSchema>> = {
  NOT_OPEN_YET: exactObject({ availableAt: instant }),
  SALE_ENDED: exactObject({ endAt: instant }),
  PRICE_MISMATCH: exactObject({ price: { type: 'integer', minimum: 1 } }),
  INSUFFICIENT_STOCK: exactObject({ stock: count }),
  STOCK_HELD: exactObject({
    stock: { ...count, description: 'Units not sold yet' },
    unitsInFlight: { type: 'integer', minimum: 1, description: 'Units asked for by payments in progress, which take them unless they fail' },
  }),
  PURCHASE_LIMIT_REACHED: exactObject({
    maxPerBuyer: { type: 'integer', minimum: 1, description: "The item's cap: units one buyer may hold at once" },
    held: { ...count, description: "Units the buyer holds now in the item's INITIATED, IN_PROGRESS and PAID orders" },
  }),
  INVALID_STATE: exactObject({ status: oneOfValues(ORDER_STATUSES) }),
  NOT_READY: exactObject({ mysql: oneOfValues(['up', 'down']), redis: oneOfValues(['up', 'down']) }),
  INTERNAL_ERROR: exactObject({ errorId: { type: 'string', format: 'uuid', description: 'Quote it to the operators; the log has the details' } }),
};
const WITH_FIELD_ERRORS: ReadonlySet<ErrorCode> = new Set(['VALIDATION_FAILED']);

export const FIELD_ERROR_SCHEMA = exactObject({ field: text, message: text });

/** Every error answer: the status name, one of all the codes of shared/errors.ts, details or null. */
export const ERROR_ENVELOPE_SCHEMA = exactObject(
  {
    status: oneOfValues(Object.keys(HTTP_STATUS)),
    code: oneOfValues(Object.keys(ERROR_CODES)),
    message: text,
    data: orNull({ type: 'object' }),
    errors: arrayOf(ref('FieldError')),
  },
  ['errors'],
);

function variant(code: JsonSchema, data: JsonSchema, withFields: boolean): JsonSchema {
  return {
    properties: { code, data, ...(withFields ? { errors: { type: 'array', minItems: 1 } } : {}) },
    required: ['code', 'data', ...(withFields ? ['errors'] : [])],
  };
}

/**
 * The error envelope one operation answers with one HTTP status: `code` is one of `codes`, and
 * `data` has the shape that code carries. Several shapes become a oneOf told apart by `code`.
 */
export function errorEnvelopeSchema(status: HttpStatusName, codes: readonly ErrorCode[]): JsonSchema {
  const plain = codes.filter((code) => !ERROR_DETAILS[code] && !WITH_FIELD_ERRORS.has(code));
  const variants = [
    ...(plain.length > 0 ? [variant(oneOfValues(plain), { type: 'null' }, false)] : []),
    ...codes.filter((code) => WITH_FIELD_ERRORS.has(code)).map((code) => variant({ const: code }, { type: 'null' }, true)),
    ...codes.flatMap((code) => {
      const details = ERROR_DETAILS[code];
      return details ? [variant({ const: code }, details, false)] : [];
    }),
  ];
  return { allOf: [ref('ErrorEnvelope'), { properties: { status: { const: status } } }, variants.length === 1 ? variants[0] : { oneOf: variants }] };
}

/** `codes` grouped by the HTTP status each goes with (ERROR_CODES), in status order. */
export function codesByHttpStatus(codes: readonly ErrorCode[]): Map<number, { status: HttpStatusName; codes: ErrorCode[] }> {
  const byStatus = new Map<number, { status: HttpStatusName; codes: ErrorCode[] }>();
  for (const code of new Set(codes)) {
    const status = ERROR_CODES[code];
    const group = byStatus.get(HTTP_STATUS[status]) ?? { status, codes: [] };
    group.codes.push(code);
    byStatus.set(HTTP_STATUS[status], group);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}
