/**
 * The one error type of the service: an expected outcome (bad input, a conflict, a missing
 * resource), thrown from anywhere; api/middleware/error-handler.ts turns it into the response
 * envelope. Any other error is a bug and is answered as a 500 without internals.
 */
export type HttpStatusName =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

export const HTTP_STATUS: Record<HttpStatusName, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Every machine-readable error code the service answers, with the HTTP status it goes with. The
 * compiler refuses an AppError whose code is not here or not of its status, and the API document
 * (api/openapi/) draws its per-operation code lists from this table: a new code starts here.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  MALFORMED_JSON: 'BAD_REQUEST',
  UNSUPPORTED_ENCODING: 'BAD_REQUEST',
  VERIFICATION_CODE_INVALID: 'BAD_REQUEST',
  VERIFICATION_ATTEMPTS_EXCEEDED: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  INVALID_TOKEN: 'UNAUTHORIZED',
  TOKEN_REVOKED: 'UNAUTHORIZED',
  ACCOUNT_DELETED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  ADMIN_CREDENTIAL_REQUIRED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  ROLE_REQUIRED: 'FORBIDDEN',
  ROUTE_NOT_FOUND: 'NOT_FOUND',
  ITEM_NOT_FOUND: 'NOT_FOUND',
  ORDER_NOT_FOUND: 'NOT_FOUND',
  USER_NOT_FOUND: 'NOT_FOUND',
  DEAD_ORDER_NOT_FOUND: 'NOT_FOUND',
  EMAIL_TAKEN: 'CONFLICT',
  SOLD_OUT: 'CONFLICT',
  INSUFFICIENT_STOCK: 'CONFLICT',
  STOCK_HELD: 'CONFLICT',
  NOT_OPEN_YET: 'CONFLICT',
  SALE_ENDED: 'CONFLICT',
  PRICE_MISMATCH: 'CONFLICT',
  PURCHASE_LIMIT_REACHED: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  INVALID_STATE: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  VERIFICATION_TOO_SOON: 'TOO_MANY_REQUESTS',
  ORDER_RATE_LIMITED: 'TOO_MANY_REQUESTS',
  TOO_MANY_ORDER_WATCHES: 'TOO_MANY_REQUESTS',
  INTERNAL_ERROR: 'INTERNAL_SERVER_ERROR',
  NOT_READY: 'SERVICE_UNAVAILABLE',
  ITEM_OVERLOADED: 'SERVICE_UNAVAILABLE',
  REDIS_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  MYSQL_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  ORDER_WATCHES_AT_CAPACITY: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<string, HttpStatusName>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes that go with one HTTP status. */
type ErrorCodeOf<S extends HttpStatusName> = { [C in ErrorCode]: (typeof ERROR_CODES)[C] extends S ? C : never }[ErrorCode];

export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  details?: Record<string, unknown>;
  fields?: FieldError[];
  /** Seconds, sent as the Retry-After header (429, 503, 409 STOCK_HELD). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly status: HttpStatusName;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly fields: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  /** The HTTP status follows from the code (ERROR_CODES). */
  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    // An expected outcome needs no stack trace, and capturing one is a measurable share of a
    // sold-out answer at spike time.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
    this.code = code;
    this.details = options.details;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.status];
  }
}

export const badRequest = (code: ErrorCodeOf<'BAD_REQUEST'>, message: string, options?: AppErrorOptions) =>
  new AppError(code, message, options);
export const unauthorized = (message = 'Authentication required', code: ErrorCodeOf<'UNAUTHORIZED'> = 'UNAUTHENTICATED') =>
  new AppError(code, message);
export const forbidden = (message = 'You may only act on your own resources', code: ErrorCodeOf<'FORBIDDEN'> = 'FORBIDDEN') =>
  new AppError(code, message);
export const notFound = (what: string, code: ErrorCodeOf<'NOT_FOUND'>) => new AppError(code, `${what} not found`);
export const conflict = (code: ErrorCodeOf<'CONFLICT'>, message: string, options?: AppErrorOptions) =>
  new AppError(code, message, options);
export const tooManyRequests = (message: string, retryAfterSeconds: number, code: ErrorCodeOf<'TOO_MANY_REQUESTS'> = 'RATE_LIMITED') =>
  new AppError(code, message, { retryAfterSeconds });
export const serviceUnavailable = (code: ErrorCodeOf<'SERVICE_UNAVAILABLE'>, message: string, retryAfterSeconds?: number) =>
  new AppError(code, message, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
