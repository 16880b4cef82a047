import { AssertionError } from 'node:assert';
import { buildOpenApiDocument } from '../../api/openapi/document';
import type { Config } from '../../shared/config';
import { ApiDocumentCheck, type HttpExchange } from './api-document-check';

/**
 * Which server a test talks to decides how its answers are checked: an API the tests started is
 * checked against the document of its configuration; a server declared not to be the API (a
 * worker's metrics port) is left alone, for the reason given; anything else fails, so that no
 * server escapes the check by being started some new way.
 */
type Server = { api: ApiDocumentCheck } | { notTheApi: string };

const servers = new Map<string, Server>();
const checksByDocument = new Map<string, ApiDocumentCheck>();

function checkFor(config: Pick<Config, 'maxOrderQuantity'>): ApiDocumentCheck {
  const document = buildOpenApiDocument(config);
  const key = JSON.stringify(document);
  let check = checksByDocument.get(key);
  if (!check) {
    check = new ApiDocumentCheck(document);
    checksByDocument.set(key, check);
  }
  return check;
}

/** Answers from this API (its base URL) are checked against its document from now on. */
export function checkAnswersOf(baseUrl: string, config: Pick<Config, 'maxOrderQuantity'>): void {
  servers.set(new URL(baseUrl).origin, { api: checkFor(config) });
}

/** The server at this base URL is gone (its port may come back as another server). */
export function forgetServer(baseUrl: string): void {
  servers.delete(new URL(baseUrl).origin);
}

/** Answers from this server are not the API's (e.g. a worker's /metrics); `why` says so in a failure. */
export function notTheApi(baseUrl: string, why: string): void {
  servers.set(new URL(baseUrl).origin, { notTheApi: why });
}

/** The failure for an exchange that does not match the API document, or undefined when it does. */
export function documentMismatchOf(exchange: HttpExchange): AssertionError | undefined {
  const server = servers.get(new URL(exchange.url).origin);
  if (server && 'notTheApi' in server) return undefined;
  const where = `${exchange.method.toUpperCase()} ${new URL(exchange.url).pathname} answered ${exchange.status}`;
  if (!server) {
    return new AssertionError({
      message: `${where} from ${new URL(exchange.url).origin}, a server the tests did not declare: start the API with tests/support/api.ts (its answers are then checked against the API document), or call notTheApi(url, why) from tests/support/checked-answers.ts for a server that is not the API`,
    });
  }
  const mismatches = server.api.mismatchesOf(exchange);
  if (mismatches.length === 0) return undefined;
  return new AssertionError({
    message: [
      `${where}, which does not match the API document:`,
      ...mismatches.map((line) => `  - ${line}`),
      `  body: ${exchange.text.length > 600 ? `${exchange.text.slice(0, 600)}…` : exchange.text || '(none)'}`,
      'Change the service or the document: operations and error codes in api/openapi/operations.ts, answer shapes in api/openapi/response-schemas.ts, error details in api/openapi/error-responses.ts, request schemas in api/request-schemas/.',
    ].join('\n'),
  });
}

/** For tests that talk HTTP without supertest (fetch, node:http): fails like a supertest answer would. */
export function assertAnswerMatchesDocument(exchange: HttpExchange): void {
  const mismatch = documentMismatchOf(exchange);
  if (mismatch) throw mismatch;
}
