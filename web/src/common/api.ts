/** The service's JSON API as the pages call it: same origin, the envelope unwrapped, errors typed. */

export interface FieldError {
  field: string;
  message: string;
}

/** An answer that is not OK (or no answer at all: status 0, code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly data: Record<string, unknown> | null = null,
    readonly retryAfterSeconds: number | null = null,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export interface Envelope<T> {
  status: string;
  message: string;
  code?: string;
  data: T;
  errors?: FieldError[];
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
  const envelope = (await response.json().catch(() => null)) as Envelope<T> | null;
  if (response.ok && envelope) return envelope.data;
  throw apiErrorOf(response, envelope);
}

/** The ApiError of an answer that is not OK, from its envelope (read by the caller). */
export function apiErrorOf(response: Response, envelope: Envelope<unknown> | null): ApiError {
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    envelope?.code ?? 'HTTP_ERROR',
    envelope?.message ?? response.statusText,
    (envelope?.data as Record<string, unknown> | null) ?? null,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    envelope?.errors ?? [],
  );
}
