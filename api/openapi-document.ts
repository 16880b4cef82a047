/**
 * The OpenAPI 3 description of every route, served at /docs. tests/openapi.test.ts checks that
 * the documented and the implemented routes are the same set.
 */
type Schema = Record<string, unknown>;

const id = { type: 'integer', minimum: 1 };
const instant = { type: 'string', format: 'date-time', nullable: true, description: 'ISO-8601 with an offset (Z or ±hh:mm)' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const body = (properties: Record<string, Schema>, required: string[]) => ({
  required: true,
  content: json({ type: 'object', properties, required }),
});
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: id });
const pageParams = [
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'size', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];
const retryAfter = { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } };

/** Error answers by status, each described with the codes it may carry. */
function errors(byStatus: Record<number, string | undefined>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(byStatus).map(([status, description]) => [
      status,
      { description, content: json(ref('ErrorEnvelope')), ...(['429', '503'].includes(status) ? { headers: retryAfter } : {}) },
    ]),
  );
}

interface Operation {
  tag: string;
  summary: string;
  auth?: 'bearer' | 'admin';
  params?: unknown[];
  requestBody?: unknown;
  ok?: { status: number; description: string; content?: unknown };
  errors?: Record<number, string>;
}

function operation(op: Operation): Schema {
  const ok = op.ok ?? { status: 200, description: 'Done' };
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.auth === 'bearer' ? { security: [{ bearerAuth: [] }] } : op.auth === 'admin' ? { security: [{ adminBasic: [] }] } : {}),
    ...(op.params ? { parameters: op.params } : {}),
    ...(op.requestBody ? { requestBody: op.requestBody } : {}),
    responses: {
      [ok.status]: { description: ok.description, content: ok.content ?? json(ref('Envelope')) },
      ...errors({
        ...(op.requestBody || op.params ? { 400: 'VALIDATION_FAILED, MALFORMED_JSON' } : {}),
        ...(op.auth === 'bearer' ? { 401: 'UNAUTHENTICATED, INVALID_TOKEN, TOKEN_REVOKED, ACCOUNT_DELETED' } : {}),
        ...(op.auth === 'admin' ? { 401: 'ADMIN_CREDENTIAL_REQUIRED', 404: 'No admin credential is configured' } : {}),
        ...op.errors,
      }),
    },
  };
}

const orderBody = body(
  { buyerNum: id, itemNum: id, quantity: { type: 'integer', minimum: 1, description: 'At most MAX_ORDER_QUANTITY' }, price: { type: 'integer', minimum: 1 } },
  ['buyerNum', 'itemNum', 'quantity', 'price'],
);
const itemFields = {
  title: { type: 'string', maxLength: 200 },
  description: { type: 'string' },
  price: { type: 'integer', minimum: 1 },
  availableAt: instant,
  endAt: instant,
};
const tryPayment = operation({
  tag: 'Orders',
  summary: 'Queue the payment of an INITIATED order (owner only)',
  auth: 'bearer',
  params: [pathParam('orderNum')],
  ok: { status: 202, description: 'IN_PROGRESS, with arrivalSeq' },
  errors: { 403: 'FORBIDDEN, ROLE_REQUIRED', 404: 'ORDER_NOT_FOUND', 409: 'INVALID_STATE' },
});

export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'reservation-purchase',
    version: '1.0.0',
    description: 'Limited drops and reservation sales: take the opening-second spike, never oversell, tell every buyer where their order stands.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      adminBasic: { type: 'http', scheme: 'basic', description: 'ADMIN_USER / ADMIN_PASSWORD' },
    },
    schemas: {
      Envelope: {
        type: 'object',
        required: ['status', 'message', 'data'],
        properties: { status: { type: 'string', example: 'OK' }, message: { type: 'string' }, data: {} },
      },
      ErrorEnvelope: {
        type: 'object',
        required: ['status', 'code', 'message', 'data'],
        properties: {
          status: { type: 'string', example: 'CONFLICT' },
          code: { type: 'string', example: 'SOLD_OUT' },
          message: { type: 'string' },
          data: { nullable: true },
          errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  },
  paths: {
    '/health': { get: operation({ tag: 'Operations', summary: 'The process answers' }) },
    '/ready': { get: operation({ tag: 'Operations', summary: 'MySQL and Redis are reachable; the running workers and the state of their metrics port', errors: { 503: 'NOT_READY' } }) },
    '/metrics': {
      get: operation({ tag: 'Operations', summary: 'Prometheus metrics', auth: 'admin', ok: { status: 200, description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } }),
    },
    '/api/v1/verification': {
      post: operation({
        tag: 'Accounts',
        summary: 'Email a one-time signup code (10 minutes, 5 attempts)',
        requestBody: body({ email: { type: 'string', format: 'email' } }, ['email']),
        errors: { 429: 'RATE_LIMITED: one code a minute per address, AUTH_RATE_LIMIT_PER_IP per IP' },
      }),
    },
    '/api/v1/users/signup': {
      post: operation({
        tag: 'Accounts',
        summary: 'Create an account with a verified code',
        requestBody: body(
          {
            name: { type: 'string', maxLength: 100 },
            email: { type: 'string', format: 'email' },
            password: { type: 'string', minLength: 8, maxLength: 128 },
            userRole: { type: 'string', enum: ['SELLER', 'BUYER'] },
            verificationCode: { type: 'string', pattern: '^\\d{6}$' },
          },
          ['name', 'email', 'password', 'userRole', 'verificationCode'],
        ),
        errors: { 409: 'EMAIL_TAKEN' },
      }),
    },
    '/api/v1/users/login': {
      post: operation({
        tag: 'Accounts',
        summary: 'Log in: a bearer token',
        requestBody: body({ email: { type: 'string', format: 'email' }, password: { type: 'string' } }, ['email', 'password']),
        errors: { 401: 'INVALID_CREDENTIALS (same for unknown address and wrong password)', 429: 'RATE_LIMITED: per address and per IP' },
      }),
    },
    '/api/v1/users/update/{userNum}': {
      put: operation({
        tag: 'Accounts',
        summary: 'Rename yourself',
        auth: 'bearer',
        params: [pathParam('userNum')],
        requestBody: body({ name: { type: 'string', maxLength: 100 } }, ['name']),
        errors: { 403: 'FORBIDDEN' },
      }),
    },
    '/api/v1/users/update/password/{userNum}': {
      put: operation({
        tag: 'Accounts',
        summary: 'Change your password (older tokens stop working; a new one is returned)',
        auth: 'bearer',
        params: [pathParam('userNum')],
        requestBody: body({ currentPassword: { type: 'string' }, password: { type: 'string', minLength: 8, maxLength: 128 } }, ['currentPassword', 'password']),
        errors: { 403: 'FORBIDDEN, WRONG_PASSWORD' },
      }),
    },
    '/api/v1/users/delete/{userNum}': {
      delete: operation({ tag: 'Accounts', summary: 'Delete your account', auth: 'bearer', params: [pathParam('userNum')], errors: { 403: 'FORBIDDEN' } }),
    },
    '/api/v1/items': {
      get: operation({ tag: 'Catalog', summary: 'Browse items, newest first, each with saleStatus and stock', params: pageParams }),
      post: operation({
        tag: 'Catalog',
        summary: 'List an item (sellers; sellerNum must be the caller)',
        auth: 'bearer',
        requestBody: body({ sellerNum: id, ...itemFields, stock: { type: 'integer', minimum: 0 } }, ['sellerNum', 'title', 'price', 'stock']),
        errors: { 403: 'FORBIDDEN, ROLE_REQUIRED' },
      }),
    },
    '/api/v1/items/{itemNum}': {
      get: operation({ tag: 'Catalog', summary: 'One item', params: [pathParam('itemNum')], errors: { 404: 'ITEM_NOT_FOUND' } }),
      put: operation({
        tag: 'Catalog',
        summary: 'Edit your item: terms, and stock (absolute) or stockDelta',
        auth: 'bearer',
        params: [pathParam('itemNum')],
        requestBody: body({ ...itemFields, stock: { type: 'integer', minimum: 0 }, stockDelta: { type: 'integer' } }, []),
        errors: { 403: 'FORBIDDEN', 404: 'ITEM_NOT_FOUND', 409: 'INSUFFICIENT_STOCK' },
      }),
      delete: operation({ tag: 'Catalog', summary: 'Delete your item (soft)', auth: 'bearer', params: [pathParam('itemNum')], errors: { 403: 'FORBIDDEN', 404: 'ITEM_NOT_FOUND' } }),
    },
    '/api/v1/items/stocks/{itemNum}': {
      get: operation({ tag: 'Catalog', summary: 'Stock left: {itemNum, stock}', params: [pathParam('itemNum')], errors: { 404: 'ITEM_NOT_FOUND' } }),
    },
    '/api/v1/orders': {
      post: operation({
        tag: 'Orders',
        summary: 'Enter an order (buyers; answered from Redis, no MySQL)',
        auth: 'bearer',
        params: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 128 }, description: 'A retry with the same key gets the first answer' }],
        requestBody: orderBody,
        ok: { status: 200, description: 'INITIATED, with orderNum' },
        errors: {
          403: 'FORBIDDEN, ROLE_REQUIRED',
          404: 'ITEM_NOT_FOUND',
          409: 'SOLD_OUT, INSUFFICIENT_STOCK, NOT_OPEN_YET, SALE_ENDED, PRICE_MISMATCH, IDEMPOTENCY_KEY_REUSED',
          429: 'ORDER_RATE_LIMITED',
          503: 'ITEM_OVERLOADED',
        },
      }),
      get: operation({ tag: 'Orders', summary: 'Your orders, newest first', auth: 'bearer', params: pageParams }),
    },
    '/api/v1/orders/{orderNum}': {
      get: operation({
        tag: 'Orders',
        summary: 'Poll an order: status, placeInLine while waiting, history and payment once written',
        auth: 'bearer',
        params: [pathParam('orderNum')],
        errors: { 403: 'FORBIDDEN', 404: 'ORDER_NOT_FOUND' },
      }),
    },
    '/api/v1/try-payments/{orderNum}': { post: tryPayment },
    '/api/v1/orders/try-payments/{orderNum}': { post: tryPayment },
    '/api/v1/payments/{orderNum}': {
      delete: operation({
        tag: 'Orders',
        summary: 'Cancel: INITIATED → CANCELED; PAID → CANCELED with refund and stock restored',
        auth: 'bearer',
        params: [pathParam('orderNum')],
        errors: { 403: 'FORBIDDEN', 404: 'ORDER_NOT_FOUND', 409: 'INVALID_STATE' },
      }),
    },
  },
};
