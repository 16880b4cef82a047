/** The seed's response envelope: `{ status, message, data }`, errors adding `code` and `errors`. */
import type { ErrorCode, FieldError, HttpStatusName } from './errors';

export interface SuccessEnvelope<T> {
  status: 'OK';
  message: string;
  data: T;
}

export interface ErrorEnvelope {
  status: HttpStatusName;
  code: ErrorCode;
  message: string;
  data: Record<string, unknown> | null;
  errors?: FieldError[];
}

export const ok = <T>(message: string, data: T): SuccessEnvelope<T> => ({ status: 'OK', message, data });
