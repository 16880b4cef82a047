import type { Config } from '../../shared/config';
import type { ErrorCode } from '../../shared/errors';
import { STOCK_HELD_RETRY_SECONDS } from '../../shared/orders/place-in-line';
import { codesByHttpStatus, ERROR_ENVELOPE_SCHEMA, errorEnvelopeSchema, FIELD_ERROR_SCHEMA } from './error-responses';
import { parametersOf, openApiSchemaOf } from './joi-to-openapi';
import { exactObject, ref, text, type JsonSchema } from './json-schema';
import { apiOperations, BROWSER_PAGES, type Access, type Answer, type Operation } from './operations';
import { DATA_SCHEMAS } from './response-schemas';

/**
 * The OpenAPI 3.1 document of the API, served at /docs/openapi.json and under Swagger UI at /docs.
 * Made, not written: operations and their error codes from ./operations.ts, request schemas from
 * the Joi schemas the routes validate with, answers from ./response-schemas.ts. The test suite
 * checks every answer it receives against it (tests/support/api-document-check.ts).
 */
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

/**
 * Codes any operation may answer (the JSON body step runs ahead of every route, whether the route
 * reads a body or not), and those that follow from taking input and from who may call.
 */
const ALWAYS: ErrorCode[] = ['MALFORMED_JSON', 'UNSUPPORTED_ENCODING', 'PAYLOAD_TOO_LARGE', 'INTERNAL_ERROR'];
/** Redis or MySQL away (or Redis being reconciled after a restart): any route that reaches one of them (api/middleware/error-handler.ts). */
const OUTAGES: ErrorCode[] = ['REDIS_UNAVAILABLE', 'MYSQL_UNAVAILABLE'];
const WITH_INPUT: ErrorCode[] = ['VALIDATION_FAILED'];
const BY_ACCESS: Record<Access, ErrorCode[]> = {
  public: [],
  'signed-in': ['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_REVOKED', 'ACCOUNT_DELETED'],
  BUYER: ['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_REVOKED', 'ACCOUNT_DELETED', 'ROLE_REQUIRED'],
  SELLER: ['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_REVOKED', 'ACCOUNT_DELETED', 'ROLE_REQUIRED'],
  admin: ['ADMIN_CREDENTIAL_REQUIRED', 'ROUTE_NOT_FOUND'],
};
const SECURITY: Record<Access, JsonSchema[]> = {
  public: [],
  'signed-in': [{ bearerAuth: [] }],
  BUYER: [{ bearerAuth: [] }],
  SELLER: [{ bearerAuth: [] }],
  admin: [{ adminBasic: [] }],
};

/** Every error code an operation may answer. */
export function errorCodesOf(operation: Operation): ErrorCode[] {
  const { request = {} } = operation;
  const takesInput = Object.values(request).some(Boolean);
  return [
    ...(operation.errors ?? []),
    ...BY_ACCESS[operation.access],
    ...(takesInput ? WITH_INPUT : []),
    ...(operation.selfContained ? [] : OUTAGES),
    ...ALWAYS,
  ];
}

const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

function headersOf(status: number, operation: Operation): JsonSchema {
  const { access } = operation;
  return {
    'X-Request-Id': header('RequestId'),
    ...(status < 300 && operation.uncached ? { 'Cache-Control': header('NoStore') } : {}),
    ...(status < 300 && operation.honoursPreferWait ? { 'Preference-Applied': header('PreferenceApplied') } : {}),
    ...(status === 429 || status === 503 ? { 'Retry-After': header('RetryAfter') } : {}),
    ...(status === 409 && operation.errors?.includes('STOCK_HELD') ? { 'Retry-After': header('StockHeldRetryAfter') } : {}),
    ...(status === 401 && access === 'admin' ? { 'WWW-Authenticate': header('BasicChallenge') } : {}),
  };
}

function successContent(answer: Answer): JsonSchema {
  if ('data' in answer) {
    return { 'application/json': { schema: exactObject({ status: { const: 'OK' }, message: text, data: ref(answer.data) }) } };
  }
  return { [answer.mediaType]: { schema: answer.schema, ...(answer.eventData ? { 'x-event-data': answer.eventData } : {}) } };
}

function responsesOf(operation: Operation): JsonSchema {
  const responses: JsonSchema = {};
  for (const [status, answer] of Object.entries(operation.answers)) {
    responses[status] = { description: answer.description, headers: headersOf(Number(status), operation), content: successContent(answer) };
  }
  for (const [httpStatus, { status, codes }] of codesByHttpStatus(errorCodesOf(operation))) {
    responses[httpStatus] = {
      description: `${status}: ${codes.join(', ')}`,
      headers: headersOf(httpStatus, operation),
      content: { 'application/json': { schema: errorEnvelopeSchema(status, codes) } },
    };
  }
  return responses;
}

function operationObject(operation: Operation): JsonSchema {
  const { request = {} } = operation;
  const where = `${operation.method.toUpperCase()} ${operation.path}`;
  const parameters = [
    ...(request.params ? parametersOf('path', request.params, where) : []),
    ...(request.query ? parametersOf('query', request.query, where) : []),
    ...(request.headers ? parametersOf('header', request.headers, where) : []),
  ];
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    security: SECURITY[operation.access],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(request.body ? { requestBody: { required: true, content: { 'application/json': { schema: openApiSchemaOf(request.body, where) } } } } : {}),
    responses: responsesOf(operation),
  };
}

function pathsOf(operations: Operation[]): Record<string, Record<string, JsonSchema>> {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  return paths;
}

const DESCRIPTION = `Limited drops and reservation sales: take the opening-second spike, never oversell, tell every buyer where their order stands.

Every JSON answer is the envelope \`{ status, message, data }\`; an error carries the HTTP status name in \`status\`, a machine-readable \`code\` (listed per operation and status below) and, for VALIDATION_FAILED, the failing fields in \`errors\`. A path that is no operation here answers 404 ROUTE_NOT_FOUND.

Pages for people, not described here: ${BROWSER_PAGES.map((page) => `\`${page.path}\` (${page.what})`).join(', ')}.`;

export function buildOpenApiDocument(limits: Pick<Config, 'maxOrderQuantity'>) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'reservation-purchase',
      version: '1.0.0',
      description: DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Orders', description: 'Buyers enter orders, pay, poll and cancel' },
      { name: 'Catalog', description: 'Sellers list items; everyone browses' },
      { name: 'Accounts', description: 'Verification, signup, login and your own account' },
      { name: 'Operations', description: 'Health, readiness, metrics and this document' },
    ],
    paths: pathsOf(apiOperations(limits)),
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'accessToken from POST /api/v1/users/login' },
        adminBasic: { type: 'http', scheme: 'basic', description: 'ADMIN_USER / ADMIN_PASSWORD' },
      },
      headers: {
        RequestId: { required: true, description: "The caller's X-Request-Id when sane, else a new UUID; logs and drain jobs carry it", schema: { type: 'string' } },
        RetryAfter: { required: true, description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
        StockHeldRetryAfter: {
          required: false,
          description: `With STOCK_HELD only: seconds until the payments in progress should have settled, by the item's recent drain rate (${STOCK_HELD_RETRY_SECONDS.whileRateUnknown} while it is not known, at most ${STOCK_HELD_RETRY_SECONDS.atMost})`,
          schema: { type: 'integer', minimum: 1 },
        },
        BasicChallenge: { required: true, description: 'Basic realm of the operator credential', schema: { type: 'string' } },
        NoStore: { required: true, description: 'A reading of the clock: never to be cached', schema: { const: 'no-store' } },
        PreferenceApplied: {
          required: false,
          description: 'RFC 7240: wait=N when the answer honoured Prefer: wait (N as cut to 30); absent when none was asked',
          schema: { type: 'string', pattern: '^wait=\\d+$' },
        },
      },
      schemas: { ...DATA_SCHEMAS, ErrorEnvelope: ERROR_ENVELOPE_SCHEMA, FieldError: FIELD_ERROR_SCHEMA },
    },
  };
}
