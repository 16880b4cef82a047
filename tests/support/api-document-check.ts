import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { BROWSER_PAGES } from '../../api/openapi/operations';

/** One request a test made and the answer it got, as the document check needs them. */
export interface HttpExchange {
  method: string;
  /** Absolute URL, with the query string. */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The answer's body as text ('' when there is none). */
  text: string;
}

type Json = Record<string, unknown>;
interface Route {
  method: string;
  pathTemplate: string;
  pattern: RegExp;
  pointer: string;
  operation: Json;
}

const DOCUMENT_ID = 'api-document';
const NOT_AN_OPERATION = 'any other method and path';
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const excerpt = (text: string) => (text.length > 600 ? `${text.slice(0, 600)}…` : text);

/** Server-sent events: each event's `data:` lines joined, as EventSource would hand them over. */
function eventDataOf(stream: string): string[] {
  return stream
    .split(/\r?\n\r?\n/)
    .map((event) =>
      event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n'),
    )
    .filter((data) => data !== '');
}

/** The error codes a response schema allows (the `code` const/enum of its variants). */
function codesListedIn(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const { properties, allOf, oneOf } = schema as { properties?: { code?: { const?: string; enum?: string[] } }; allOf?: unknown[]; oneOf?: unknown[] };
  const own = properties?.code ? [...(properties.code.const ? [properties.code.const] : []), ...(properties.code.enum ?? [])] : [];
  return [...own, ...[...(allOf ?? []), ...(oneOf ?? [])].flatMap(codesListedIn)];
}

/**
 * Checks exchanges against an OpenAPI 3.1 document: the answer's status is listed for the
 * operation, its headers and media type are the documented ones, its body matches the schema
 * (envelope, data shape, error `code` among those listed). A path that is no operation must
 * answer 404 ROUTE_NOT_FOUND; the pages for people (BROWSER_PAGES) are not described and only
 * must not fail (5xx).
 */
export class ApiDocumentCheck {
  /** Not strict: the schemas live inside the document, whose own keys (openapi, paths…) are no JSON Schema keywords. */
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Route[];

  constructor(private readonly document: { paths: Record<string, Record<string, unknown>> }) {
    addFormats(this.ajv);
    this.ajv.addSchema(document, DOCUMENT_ID);
    this.routes = Object.entries(document.paths)
      .flatMap(([pathTemplate, operations]) =>
        Object.entries(operations).map(([method, operation]) => ({
          method: method.toUpperCase(),
          pathTemplate,
          pattern: new RegExp(`^${pathTemplate.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`),
          pointer: `/paths/${escapePointer(pathTemplate)}/${method}`,
          operation: operation as Json,
        })),
      )
      // A literal segment wins over a parameter, as in Express's registration order here.
      .sort((a, b) => (a.pathTemplate.match(/\{/g)?.length ?? 0) - (b.pathTemplate.match(/\{/g)?.length ?? 0));
  }

  /** What is wrong with the exchange, one line each; empty when it matches the document. */
  mismatchesOf(exchange: HttpExchange): string[] {
    const { pathname } = new URL(exchange.url);
    const route = this.routes.find((candidate) => candidate.method === exchange.method.toUpperCase() && candidate.pattern.test(pathname));
    if (route) {
      return this.answerMismatches(exchange, route);
    }
    const page = BROWSER_PAGES.find(({ path }) => pathname === path || pathname.startsWith(`${path}/`));
    if (page) return exchange.status >= 500 ? [`${page.path} (${page.what}) failed with ${exchange.status}`] : [];
    return this.notAnOperationMismatches(exchange);
  }

  private validator(key: string, schema: () => Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema());
      this.validators.set(key, validate);
    }
    return validate;
  }

  private schemaAt(pointer: string): ValidateFunction {
    return this.validator(pointer, () => ({ $ref: `${DOCUMENT_ID}#${pointer}` }));
  }

  private answerMismatches(exchange: HttpExchange, route: Route): string[] {
    const responses = route.operation.responses as Record<string, Json>;
    const response = responses[String(exchange.status)];
    if (!response) return [`status ${exchange.status} is not documented for this operation (documented: ${Object.keys(responses).join(', ')})`];
    const problems: string[] = [];
    if (exchange.status === 500) problems.push('an unexpected error (500) reached the test');
    for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
      const required = header.$ref ? this.resolve(header.$ref as string).required : header.required;
      if (required && exchange.headers[name.toLowerCase()] === undefined) problems.push(`header ${name} is missing`);
    }
    const pointer = `${route.pointer}/responses/${exchange.status}/content`;
    return [...problems, ...this.bodyMismatches(exchange, (response.content ?? {}) as Record<string, Json>, pointer)];
  }

  private bodyMismatches(exchange: HttpExchange, content: Record<string, Json>, pointer: string): string[] {
    const contentType = exchange.headers['content-type'];
    const mediaType = typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : undefined;
    if (Object.keys(content).length === 0) return exchange.text === '' ? [] : ['a body where the document lists none'];
    if (!mediaType || !content[mediaType]) return [`Content-Type ${mediaType ?? '(none)'} where the document lists ${Object.keys(content).join(', ')}`];
    const mediaPointer = `${pointer}/${escapePointer(mediaType)}`;
    if (mediaType === 'text/event-stream') {
      // The data of every event is JSON of the schema the document names in x-event-data.
      if (!content[mediaType]['x-event-data']) return ['a text/event-stream answer whose events the document does not describe (x-event-data)'];
      const validateEvent = this.schemaAt(`${mediaPointer}/x-event-data`);
      return eventDataOf(exchange.text).flatMap((data, index) => this.jsonMismatches(validateEvent, data, `event ${index + 1}`));
    }
    const validate = this.schemaAt(`${mediaPointer}/schema`);
    if (mediaType !== 'application/json') {
      return validate(exchange.text) ? [] : this.errorLines(validate.errors, 'body');
    }
    return this.jsonMismatches(validate, exchange.text, 'body', exchange.status >= 400 ? codesListedIn(this.resolve(`${pointer}/application~1json/schema`)) : undefined);
  }

  private jsonMismatches(validate: ValidateFunction, text: string, what: string, listedCodes?: string[]): string[] {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${what} is not JSON: ${excerpt(text)}`];
    }
    const code = (body as { code?: unknown } | null)?.code;
    if (listedCodes && typeof code === 'string' && !listedCodes.includes(code)) {
      return [`error code ${code} is not listed for this operation and status (listed: ${listedCodes.join(', ')})`];
    }
    return validate(body) ? [] : this.errorLines(validate.errors, what);
  }

  private notAnOperationMismatches(exchange: HttpExchange): string[] {
    if (exchange.status !== 404) return [`status ${exchange.status} for a path that is no operation of the document, where only 404 ROUTE_NOT_FOUND is expected`];
    const requestId = exchange.headers['x-request-id'] === undefined ? ['header X-Request-Id is missing'] : [];
    const validate = this.validator(NOT_AN_OPERATION, () => ({
      allOf: [{ $ref: `${DOCUMENT_ID}#/components/schemas/ErrorEnvelope` }, { properties: { status: { const: 'NOT_FOUND' }, code: { const: 'ROUTE_NOT_FOUND' }, data: { type: 'null' } } }],
    }));
    return [...requestId, ...this.jsonMismatches(validate, exchange.text, 'body')];
  }

  private resolve(pointer: string): Json {
    return pointer
      .replace(/^#/, '')
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Json>((node, segment) => node[segment] as Json, this.document as Json);
  }

  private errorLines(errors: ErrorObject[] | null | undefined, what: string): string[] {
    return (errors ?? []).map((error) => `${what}${error.instancePath} ${error.message}${error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : ''}${error.keyword === 'enum' ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : ''}`);
  }
}
