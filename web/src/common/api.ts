/** The service's JSON API as the pages call it: same origin, the envelope unwrapped, errors typed. */
import type { components, operations } from './api-schema';

/** A shape of the API document by its name (components/schemas), as npm run generate:web-types made it. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The JSON body an operation of the API document takes, by its operationId. */
export type RequestBody<OperationId extends keyof operations> = operations[OperationId] extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;

type ErrorEnvelope = Schema<'ErrorEnvelope'>;
type FieldError = Schema<'FieldError'>;
/** The API's codes, and the page's own for no answer (NETWORK) and an answer that is no envelope (HTTP_ERROR). */
type ErrorCode = ErrorEnvelope['code'] | 'NETWORK' | 'HTTP_ERROR';

/** An answer that is not OK (or no answer at all: status 0, code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly data: ErrorEnvelope['data'] = null,
    readonly retryAfterSeconds: number | null = null,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export const API = '/api/v1';

interface CallOptions {
  body?: unknown;
  token?: string | undefined;
  signal?: AbortSignal;
}

export function authHeaders(token: string | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** One call to the API; resolves with the envelope's data, rejects with an ApiError. */
export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, {
      method,
      headers: { ...authHeaders(options.token), ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'The shop could not be reached');
  }
  const envelope: unknown = await response.json().catch(() => null);
  if (response.ok && envelope) return (envelope as { data: T }).data;
  throw apiErrorOf(response, envelope);
}

/** The ApiError of an answer that is not OK, from its envelope (read by the caller; null when it was no JSON). */
export function apiErrorOf(response: Response, body: unknown): ApiError {
  const envelope = body as ErrorEnvelope | null;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    envelope?.code ?? 'HTTP_ERROR',
    envelope?.message ?? response.statusText,
    envelope?.data ?? null,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    envelope?.errors ?? [],
  );
}
