import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import type Joi from 'joi';
import request from 'supertest';
import { documentedRouters } from '../api/app';
import { buildOpenApiDocument, errorCodesOf } from '../api/openapi/document';
import { apiOperations } from '../api/openapi/operations';
import { itemEditSchema, newItemSchema } from '../api/request-schemas/items';
import { placeOrderBodySchema } from '../api/request-schemas/orders';
import { signUpSchema } from '../api/request-schemas/users';
import type { RunningApi } from '../api/server';
import { ERROR_CODES } from '../shared/errors';
import { startTestApi } from './support/api';
import { ApiDocumentCheck, type HttpExchange } from './support/api-document-check';
import { checkAnswersOf, forgetServer } from './support/checked-answers';
import { runConfig } from './support/test-env';
import { isolateTestFile } from './support/isolation';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** "METHOD /path" of every route Express has, with :param written as OpenAPI's {param}. */
function implementedRoutes(api: RunningApi): string[] {
  return documentedRouters(api.ctx).flatMap(({ prefix, router }) =>
    (router.stack as RouteLayer[]).flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${prefix}${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`)
        : [],
    ),
  );
}

// The document depends on settings only, not on this file's Redis keys.
const config = runConfig();
const document = buildOpenApiDocument(config);
const documentedRoutes = () => Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));

/** The schema the document gives a request body, compiled as a client's validator would. */
function documentedBody(method: string, path: string) {
  const operation = (document.paths as Record<string, Record<string, { requestBody: { content: { 'application/json': { schema: object } } } }>>)[path][method];
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  return ajv.compile(operation.requestBody.content['application/json'].schema);
}
const joiAccepts = (schema: Joi.Schema, body: unknown) => !schema.validate(body, { abortEarly: false }).error;

const exchange = (method: string, path: string, status: number, body: unknown, headers: Record<string, string> = {}): HttpExchange => ({
  method,
  url: `http://127.0.0.1:1${path}`,
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-1', ...headers },
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('API documentation', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  before(async () => {
    api = await startTestApi();
  });
  after(async () => api.stop());

  it('When the routes are listed, the documented set and the implemented set are the same', () => {
    const implemented = implementedRoutes(api);
    expect(implemented.length).to.be.greaterThan(15);
    expect([...new Set(implemented)].sort()).to.deep.equal([...new Set(documentedRoutes())].sort());
  });

  it('When someone opens /docs, Swagger UI is served, and /docs/openapi.json is the OpenAPI 3.1 document of this configuration', async () => {
    const ui = await request(api.url).get('/docs/').expect(200);
    expect(ui.text).to.include('swagger-ui');
    const spec = await request(api.url).get('/docs/openapi.json').expect(200);
    expect(spec.body).to.deep.equal(JSON.parse(JSON.stringify(buildOpenApiDocument(api.ctx.config))));
    expect(spec.body.openapi).to.equal('3.1.0');
  });

  it('When the API runs with another MAX_ORDER_QUANTITY, its document says so: request schemas are made from the Joi schemas the routes validate with', async () => {
    const small = await startTestApi({ MAX_ORDER_QUANTITY: '3' });
    try {
      const spec = (await request(small.url).get('/docs/openapi.json').expect(200)).body;
      expect(spec.paths['/api/v1/orders'].post.requestBody.content['application/json'].schema.properties.quantity).to.include({ type: 'integer', minimum: 1, maximum: 3 });
    } finally {
      await small.stop();
    }
  });

  it('When request bodies are tried against both, the document accepts exactly what the Joi schema accepts', () => {
    const cases: { method: string; path: string; schema: Joi.Schema; bodies: unknown[] }[] = [
      {
        method: 'post',
        path: '/api/v1/orders',
        schema: placeOrderBodySchema(config.maxOrderQuantity),
        bodies: [
          { buyerNum: 1, itemNum: 2, quantity: 1, price: 1000 },
          { buyerNum: 1, itemNum: 2, quantity: config.maxOrderQuantity, price: 1 },
          { buyerNum: 1, itemNum: 2, quantity: config.maxOrderQuantity + 1, price: 1000 },
          { buyerNum: 1, itemNum: 2, quantity: 0, price: 1000 },
          { buyerNum: 1, itemNum: 2, quantity: 1.5, price: 1000 },
          { buyerNum: 0, itemNum: 2, quantity: 1, price: 1000 },
          { itemNum: 2, quantity: 1, price: 1000 },
        ],
      },
      {
        method: 'post',
        path: '/api/v1/items',
        schema: newItemSchema,
        bodies: [
          { sellerNum: 1, title: 'Drop', price: 100, stock: 0 },
          { sellerNum: 1, title: 'Drop', price: 100, stock: 5, availableAt: '2030-01-01T18:00:00+09:00', endAt: '2030-01-02T09:00:00Z' },
          { sellerNum: 1, title: 'Drop', price: 100, stock: 5, availableAt: '2030-01-01t18:00:00z', endAt: null },
          { sellerNum: 1, title: 'Drop', price: 100, stock: 5, availableAt: '2030-01-01T18:00:00' },
          { sellerNum: 1, title: '', price: 100, stock: 5 },
          { sellerNum: 1, title: 'x'.repeat(201), price: 100, stock: 5 },
          { sellerNum: 1, title: 'Drop', price: 0, stock: 5 },
          { sellerNum: 1, title: 'Drop', price: 100, stock: -1 },
        ],
      },
      {
        method: 'put',
        path: '/api/v1/items/{itemNum}',
        schema: itemEditSchema,
        bodies: [{}, { stock: 5 }, { stockDelta: -2 }, { stock: 5, stockDelta: 1 }, { title: 'New name' }, { price: 5, endAt: null }, { description: '' }],
      },
      {
        method: 'post',
        path: '/api/v1/users/signup',
        schema: signUpSchema,
        bodies: [
          { name: 'Kim', email: 'kim@example.com', password: 'long enough', userRole: 'BUYER', verificationCode: '123456' },
          { name: 'Kim', email: 'kim@example.com', password: 'long enough', userRole: 'ADMIN', verificationCode: '123456' },
          { name: 'Kim', email: 'kim@example.com', password: 'short', userRole: 'SELLER', verificationCode: '123456' },
          { name: 'Kim', email: 'kim@example.com', password: 'long enough', userRole: 'SELLER', verificationCode: '12345' },
          { name: 'Kim', email: 'not an address', password: 'long enough', userRole: 'SELLER', verificationCode: '123456' },
        ],
      },
    ];
    for (const { method, path, schema, bodies } of cases) {
      const documented = documentedBody(method, path);
      const verdicts = bodies.map((body) => ({ body, joi: joiAccepts(schema, body), document: documented(body) }));
      expect(verdicts.filter((verdict) => verdict.joi !== verdict.document), `${method.toUpperCase()} ${path}`).to.deep.equal([]);
      expect(new Set(verdicts.map((verdict) => verdict.joi)), `${path}: the cases try both verdicts`).to.have.length(2);
    }
  });

  it('When the error codes are listed, every code of shared/errors.ts is answered by some operation, and each operation lists its codes under their HTTP status', () => {
    const operations = apiOperations(config);
    const listed = new Set(operations.flatMap(errorCodesOf));
    expect(Object.keys(ERROR_CODES).filter((code) => !listed.has(code as keyof typeof ERROR_CODES))).to.deep.equal([]);
    const placeOrder = document.paths['/api/v1/orders'].post.responses as Record<string, { description: string; headers: Record<string, unknown> }>;
    expect(placeOrder['409'].description).to.equal('CONFLICT: SOLD_OUT, INSUFFICIENT_STOCK, STOCK_HELD, NOT_OPEN_YET, SALE_ENDED, PRICE_MISMATCH, PURCHASE_LIMIT_REACHED, IDEMPOTENCY_KEY_REUSED');
    expect(placeOrder['409'].headers['Retry-After'], 'STOCK_HELD asks to wait').to.deep.equal({ $ref: '#/components/headers/StockHeldRetryAfter' });
    expect(placeOrder['401'].description).to.equal('UNAUTHORIZED: UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED');
  });

  describe('the check every test answer goes through', () => {
    const check = new ApiDocumentCheck(document);
    const order = { orderNum: 1, buyerNum: 2, itemNum: 3, quantity: 1, status: 'INITIATED', createdAt: '2026-11-26T00:00:00.000Z' };

    it('When an answer matches the document, nothing is reported', () => {
      expect(check.mismatchesOf(exchange('POST', '/api/v1/orders', 200, { status: 'OK', message: 'Order entered', data: order }))).to.deep.equal([]);
      const soldOut = { status: 'CONFLICT', code: 'SOLD_OUT', message: 'This item is sold out', data: null };
      expect(check.mismatchesOf(exchange('POST', '/api/v1/orders', 409, soldOut))).to.deep.equal([]);
      expect(check.mismatchesOf(exchange('GET', '/metrics', 200, '# HELP x\n', { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }))).to.deep.equal([]);
    });

    it('When an answer has a status, a field, an error code, a header or a media type the document does not list, the check names it', () => {
      const mismatches = (x: HttpExchange) => check.mismatchesOf(x).join('\n');
      expect(mismatches(exchange('POST', '/api/v1/orders', 418, {}))).to.match(/status 418 is not documented for this operation \(documented: 200, 400, 401, 403, 404, 409, 413, 429, 500, 503\)/);
      expect(mismatches(exchange('POST', '/api/v1/orders', 200, { status: 'OK', message: 'Order entered', data: { ...order, etaSeconds: 3 } }))).to.match(
        /body\/data must NOT have additional properties \(etaSeconds\)/,
      );
      expect(mismatches(exchange('POST', '/api/v1/orders', 200, { status: 'OK', message: 'Order entered', data: { ...order, status: 'PAID' } }))).to.match(/body\/data\/status must be equal to constant/);
      expect(mismatches(exchange('POST', '/api/v1/orders', 409, { status: 'CONFLICT', code: 'EMAIL_TAKEN', message: 'x', data: null }))).to.match(
        /error code EMAIL_TAKEN is not listed for this operation and status \(listed: SOLD_OUT, IDEMPOTENCY_KEY_REUSED, INSUFFICIENT_STOCK, STOCK_HELD, NOT_OPEN_YET, SALE_ENDED, PRICE_MISMATCH, PURCHASE_LIMIT_REACHED\)/,
      );
      expect(mismatches(exchange('POST', '/api/v1/orders', 409, { status: 'CONFLICT', code: 'NOT_OPEN_YET', message: 'x', data: null }))).to.match(/body\/data must be object/);
      expect(mismatches(exchange('POST', '/api/v1/orders', 429, { status: 'TOO_MANY_REQUESTS', code: 'ORDER_RATE_LIMITED', message: 'x', data: null }))).to.match(/header Retry-After is missing/);
      expect(mismatches(exchange('GET', '/metrics', 200, { status: 'OK' }))).to.match(/Content-Type application\/json where the document lists text\/plain/);
      expect(mismatches(exchange('GET', '/health', 500, { status: 'INTERNAL_SERVER_ERROR', code: 'INTERNAL_ERROR', message: 'x', data: { errorId: 'e' } }))).to.match(
        /an unexpected error \(500\) reached the test/,
      );
      expect(mismatches(exchange('GET', '/api/v1/nowhere', 200, {}))).to.match(/only 404 ROUTE_NOT_FOUND is expected/);
      expect(check.mismatchesOf(exchange('GET', '/api/v1/nowhere', 404, { status: 'NOT_FOUND', code: 'ROUTE_NOT_FOUND', message: 'x', data: null }))).to.deep.equal([]);
      expect(check.mismatchesOf(exchange('GET', '/docs/swagger-ui.css', 200, 'body {}', { 'content-type': 'text/css' }))).to.deep.equal([]);
    });

    it("When a stream answers text/event-stream, each event's data is checked against the schema the document gives it", () => {
      const streamDocument = {
        paths: {
          '/events': {
            get: {
              responses: {
                200: { description: 'stream', content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': { type: 'object', required: ['n'], additionalProperties: false, properties: { n: { type: 'integer' } } } } } },
              },
            },
          },
        },
      };
      const stream = new ApiDocumentCheck(streamDocument);
      const events = (text: string) => stream.mismatchesOf({ ...exchange('GET', '/events', 200, text, { 'content-type': 'text/event-stream' }) });
      expect(events('id: 1\ndata: {"n":1}\n\n: keep-alive\n\nid: 2\ndata: {"n":2}\n\n')).to.deep.equal([]);
      expect(events('id: 1\ndata: {"n":1}\n\nid: 2\ndata: {"n":"two"}\n\n').join('\n')).to.match(/event 2\/n must be integer/);
    });

    it('When a test gets an answer that does not match the document, the request itself fails with the reasons', async () => {
      const impostor: Server = createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'x' }).end(JSON.stringify({ status: 'OK', message: 'up', data: { uptime: 1 } }));
      });
      await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
      try {
        const undeclared = await request(url).get('/health').then(
          () => 'passed',
          (error: Error) => error.message,
        );
        expect(undeclared).to.match(/a server the tests did not declare/);
        checkAnswersOf(url, config);
        const failure = await request(url)
          .get('/health')
          .expect(200)
          .then(
            () => 'passed',
            (error: Error) => error.message,
          );
        expect(failure).to.match(/^GET \/health answered 200, which does not match the API document:\n/);
        expect(failure).to.include("- body/data must have required property 'uptimeSeconds'").and.to.include('- body/data must NOT have additional properties (uptime)');
      } finally {
        forgetServer(url);
        impostor.close();
      }
    });
  });
});
