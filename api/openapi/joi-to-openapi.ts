import type Joi from 'joi';
import parseJoi from 'joi-to-json';
import type { JsonSchema } from './json-schema';

/** A JSON Schema pattern has no flags; joi-to-json would leave them glued to the end of the pattern. */
const FLAGS_LEFT_ON_PATTERN = /\/[dgimsuvy]+$/;

function assertNoRegexFlags(schema: unknown, where: string): void {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'pattern' && typeof value === 'string' && FLAGS_LEFT_ON_PATTERN.test(value)) {
      throw new Error(`${where}: the Joi pattern ${value} has regex flags, which JSON Schema can't carry; spell them out (e.g. [Tt] for /T/i)`);
    }
    assertNoRegexFlags(value, where);
  }
}

/** Joi's oxor (at most one of the peers) as "each peer excludes the others", without joi-to-json's nested oneOf of bare `required`s. */
function atMostOneOf(schema: JsonSchema, dependency: { peers: string[] }): void {
  schema.dependentSchemas = Object.fromEntries(
    dependency.peers.map((peer) => [peer, { properties: Object.fromEntries(dependency.peers.filter((other) => other !== peer).map((other) => [other, false])) }]),
  );
}

/** joi-to-json drops an object's min()/max() (how many keys); the document keeps them. */
function withKeyCounts(schema: Joi.Schema, converted: JsonSchema): JsonSchema {
  const { type, rules = [] } = schema.describe() as { type: string; rules?: { name: string; args?: { limit?: number } }[] };
  if (type !== 'object') return converted;
  for (const rule of rules) {
    if (rule.name === 'min') converted.minProperties = rule.args?.limit;
    if (rule.name === 'max') converted.maxProperties = rule.args?.limit;
  }
  return converted;
}

/** The OpenAPI 3.1 schema of a Joi schema (joi-to-json over Joi's own describe()). */
export function openApiSchemaOf(schema: Joi.Schema, where: string): JsonSchema {
  const converted = parseJoi(schema as never, 'open-api-3.1', {}, { logicalOpParser: { oxor: atMostOneOf } }) as JsonSchema;
  assertNoRegexFlags(converted, where);
  return withKeyCounts(schema, converted);
}

/** OpenAPI parameters (path, query or header) from the Joi object schema the route validates them with. */
export function parametersOf(location: 'path' | 'query' | 'header', schema: Joi.ObjectSchema, where: string): JsonSchema[] {
  const { properties = {}, required = [] } = openApiSchemaOf(schema, where) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(properties).map(([name, { description, ...parameterSchema }]) => ({
    name,
    in: location,
    required: location === 'path' || required.includes(name),
    ...(description === undefined ? {} : { description }),
    schema: parameterSchema,
  }));
}
