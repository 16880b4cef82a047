import Joi from 'joi';
import { badRequest } from './errors';

/** Validates with Joi and throws one BAD_REQUEST naming every failing field. */
export function validate<T>(schema: Joi.Schema<T>, value: unknown, what = 'Request'): T {
  const result = schema.validate(value, { abortEarly: false, stripUnknown: true, convert: true });
  if (result.error) {
    const fields = result.error.details.map((d) => ({ field: d.path.join('.') || what, message: d.message }));
    throw badRequest('VALIDATION_FAILED', `${what} is invalid: ${fields.map((f) => f.message).join('; ')}`, { fields });
  }
  return result.value;
}

/** A path or body id: a positive integer that fits a MySQL BIGINT and a JS number. */
export const idSchema = Joi.number().integer().min(1).max(Number.MAX_SAFE_INTEGER);

export const paginationSchema = Joi.object<Pagination>({
  page: Joi.number().integer().min(1).max(100_000).default(1),
  size: Joi.number().integer().min(1).max(100).default(20),
});

export interface Pagination {
  page: number;
  size: number;
}

/**
 * An ISO-8601 instant that states its offset (Z or ±hh:mm); a bare local time is refused, not guessed.
 * No regex flags: the API document carries the pattern as JSON Schema, which has none.
 */
export const instantSchema = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})$/)
  .custom((value: string, helpers) => {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? helpers.error('date.base') : date;
  })
  .messages({ 'string.pattern.base': '{{#label}} must be an ISO-8601 time with an offset, e.g. 2026-12-01T10:00:00Z' });
