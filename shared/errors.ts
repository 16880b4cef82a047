/**
 * The one error type of the service. Thrown from anywhere; api/middleware/error-handler.ts turns it
 * into the response envelope. `operational` errors are expected outcomes (bad input, conflicts);
 * anything else is a bug and is answered as a 500 without internals.
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

export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  details?: Record<string, unknown>;
  fields?: FieldError[];
  /** Seconds, sent as the Retry-After header (429, 503). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly status: HttpStatusName;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  readonly fields: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly operational = true;

  constructor(status: HttpStatusName, code: string, message: string, options: AppErrorOptions = {}) {
    // An expected outcome needs no stack trace, and capturing one is a measurable share of a
    // sold-out answer at spike time.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.status];
  }
}

export const badRequest = (code: string, message: string, options?: AppErrorOptions) =>
  new AppError('BAD_REQUEST', code, message, options);
export const unauthorized = (message = 'Authentication required', code = 'UNAUTHENTICATED') =>
  new AppError('UNAUTHORIZED', code, message);
export const forbidden = (message = 'You may only act on your own resources', code = 'FORBIDDEN') =>
  new AppError('FORBIDDEN', code, message);
export const notFound = (what: string, code = 'NOT_FOUND') => new AppError('NOT_FOUND', code, `${what} not found`);
export const conflict = (code: string, message: string, options?: AppErrorOptions) =>
  new AppError('CONFLICT', code, message, options);
export const tooManyRequests = (message: string, retryAfterSeconds: number, code = 'RATE_LIMITED') =>
  new AppError('TOO_MANY_REQUESTS', code, message, { retryAfterSeconds });
export const serviceUnavailable = (code: string, message: string, retryAfterSeconds?: number) =>
  new AppError('SERVICE_UNAVAILABLE', code, message, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
