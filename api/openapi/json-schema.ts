/** Small builders for the JSON Schema (2020-12, as OpenAPI 3.1 uses it) the document is written in. */
export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
export const oneOfValues = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] });
export const orNull = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

export const id: JsonSchema = { type: 'integer', minimum: 1 };
export const count: JsonSchema = { type: 'integer', minimum: 0 };
export const text: JsonSchema = { type: 'string' };
export const instant: JsonSchema = { type: 'string', format: 'date-time', description: 'UTC, ISO-8601' };

/**
 * An object with exactly these properties, each required unless named in `optional`. Answers are
 * closed (no other property), so a field the service adds without documenting it fails the suite.
 */
export function exactObject(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    additionalProperties: false,
  };
}
