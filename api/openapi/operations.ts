import type Joi from 'joi';
import type { Config } from '../../shared/config';
import type { ErrorCode } from '../../shared/errors';
import { paginationSchema } from '../../shared/validation';
import { API_V1_PREFIX } from '../paths';
import { itemEditSchema, itemPathSchema, newItemSchema } from '../request-schemas/items';
import { orderEventsHeadersSchema, orderPathSchema, placeOrderBodySchema, placeOrderHeadersSchema, preferWaitHeadersSchema } from '../request-schemas/orders';
import { deadOrderPathSchema } from '../request-schemas/dead-entries';
import { sellerPathSchema } from '../request-schemas/sellers';
import { changePasswordSchema, logInSchema, renameSchema, signUpSchema, userPathSchema, verificationSchema } from '../request-schemas/users';
import { DEAD_ENTRIES_PATH } from '../routes/dead-entries';
import { QUEUE_DASHBOARD_PATH, WORKERS_PATH } from '../routes/operations';
import { ref, type JsonSchema } from './json-schema';
import type { DataSchemaName } from './response-schemas';

/**
 * Who may call: everyone, any signed-in user (Bearer token), a signed-in user of one role, or an
 * operator (ADMIN_USER/ADMIN_PASSWORD basic auth). The error codes that follow from it are added
 * by the document (api/openapi/document.ts), as are those that follow from having a request body.
 */
export type Access = 'public' | 'signed-in' | 'BUYER' | 'SELLER' | 'admin';

/** The Joi schemas the route validates with: the document's parameters and body are made from them. */
interface OperationRequest {
  params?: Joi.ObjectSchema;
  query?: Joi.ObjectSchema;
  headers?: Joi.ObjectSchema;
  body?: Joi.ObjectSchema;
}

/**
 * A success answer: JSON in the envelope with `data` of a named schema, or another media type. A
 * text/event-stream answer names the JSON of its events' data in `eventData` (x-event-data in the
 * document), which the test suite checks event by event.
 */
export type Answer =
  | { description: string; data: DataSchemaName }
  | { description: string; mediaType: string; schema: JsonSchema; eventData?: JsonSchema };

export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI form, e.g. /api/v1/orders/{orderNum}. */
  path: string;
  tag: 'Orders' | 'Catalog' | 'Accounts' | 'Operations';
  summary: string;
  access: Access;
  request?: OperationRequest;
  answers: Record<number, Answer>;
  /** The codes this operation answers beyond those that follow from its access and request. */
  errors?: ErrorCode[];
  /** Answered by the process alone: no outage of Redis or MySQL shows in its answers. */
  selfContained?: true;
  /** A reading that goes stale at once: its success answer says Cache-Control: no-store. */
  uncached?: true;
  /** Takes `Prefer: wait=N` (request.headers says so) and may answer `Preference-Applied`. */
  honoursPreferWait?: true;
}

/** Pages for people that the service mounts beside the API; not described by the document. */
export const BROWSER_PAGES = [
  { path: '/', what: 'the drop page: items, countdowns, buying, the order live, my orders' },
  { path: '/seller', what: "the seller page: your items and each one's live figures" },
  { path: '/assets', what: 'the scripts and styles of those two pages' },
  { path: '/favicon.svg', what: 'their icon' },
  { path: '/docs', what: 'Swagger UI over this document' },
  { path: QUEUE_DASHBOARD_PATH, what: 'the BullMQ dashboard (bull-board), behind the admin credential' },
] as const;

const V1 = API_V1_PREFIX;

/** Every operation of the API. A route without an entry here fails tests/openapi.test.ts. */
export function apiOperations(limits: Pick<Config, 'maxOrderQuantity'>): Operation[] {
  const tryPayment = (operationId: string, path: string, seedPath: boolean): Operation => ({
    operationId,
    method: 'post',
    path,
    tag: 'Orders',
    summary: seedPath ? 'Queue the payment of an INITIATED order (the path the seed load script calls)' : 'Queue the payment of an INITIATED order (owner only)',
    access: 'BUYER',
    request: { params: orderPathSchema, headers: preferWaitHeadersSchema },
    answers: {
      200: { description: 'With Prefer: wait=N, the order once it settled within N seconds (as GET /orders/{orderNum} answers it)', data: 'OrderDetail' },
      202: { description: 'IN_PROGRESS, with its place in the line (also when a Prefer: wait ran out first)', data: 'PaymentReceipt' },
    },
    // A wait over a cap is refused before the payment starts: the order stays as it was.
    errors: ['FORBIDDEN', 'ORDER_NOT_FOUND', 'INVALID_STATE', 'TOO_MANY_ORDER_WATCHES', 'ORDER_WATCHES_AT_CAPACITY'],
    honoursPreferWait: true,
  });
  return [
    {
      operationId: 'placeOrder',
      method: 'post',
      path: `${V1}/orders`,
      tag: 'Orders',
      summary:
        "Enter an order (answered from Redis, no MySQL); 409 STOCK_HELD with Retry-After while every unit left is held by payments in progress; 409 PURCHASE_LIMIT_REACHED when it would take the buyer's units of the item above its maxPerBuyer",
      access: 'BUYER',
      request: { headers: placeOrderHeadersSchema, body: placeOrderBodySchema(limits.maxOrderQuantity) },
      answers: { 200: { description: 'INITIATED, with its orderNum', data: 'OrderReceipt' } },
      errors: ['FORBIDDEN', 'ITEM_NOT_FOUND', 'SOLD_OUT', 'INSUFFICIENT_STOCK', 'STOCK_HELD', 'NOT_OPEN_YET', 'SALE_ENDED', 'PRICE_MISMATCH', 'PURCHASE_LIMIT_REACHED', 'IDEMPOTENCY_KEY_REUSED', 'ORDER_RATE_LIMITED', 'ITEM_OVERLOADED'],
    },
    {
      operationId: 'listOrders',
      method: 'get',
      path: `${V1}/orders`,
      tag: 'Orders',
      summary: 'Your orders, newest first',
      access: 'BUYER',
      request: { query: paginationSchema },
      answers: { 200: { description: 'A page of your orders', data: 'OrderPage' } },
    },
    {
      operationId: 'getOrder',
      method: 'get',
      path: `${V1}/orders/{orderNum}`,
      tag: 'Orders',
      summary: 'Poll an order: status, placeInLine and etaSeconds while waiting, history and payment once written; Prefer: wait=N answers once it settles or N seconds pass',
      access: 'BUYER',
      request: { params: orderPathSchema, headers: preferWaitHeadersSchema },
      answers: { 200: { description: 'The order', data: 'OrderDetail' } },
      errors: ['FORBIDDEN', 'ORDER_NOT_FOUND', 'TOO_MANY_ORDER_WATCHES', 'ORDER_WATCHES_AT_CAPACITY'],
      honoursPreferWait: true,
    },
    {
      operationId: 'followOrder',
      method: 'get',
      path: `${V1}/orders/{orderNum}/events`,
      tag: 'Orders',
      summary:
        'Server-sent events of one order (owner only; the token in the Authorization header, never the URL): the order as GET answers it, then again at each change (status at once, place in line at most every 500 ms); ids grow, Last-Event-ID resumes; a comment line every 15 s; closed after the settled order',
      access: 'BUYER',
      request: { params: orderPathSchema, headers: orderEventsHeadersSchema },
      answers: {
        200: {
          description: 'The stream; each event is `id: <version>` and `data: <the order as JSON>`',
          mediaType: 'text/event-stream',
          schema: { type: 'string' },
          eventData: ref('OrderDetail'),
        },
      },
      errors: ['FORBIDDEN', 'ORDER_NOT_FOUND', 'TOO_MANY_ORDER_WATCHES', 'ORDER_WATCHES_AT_CAPACITY'],
    },
    tryPayment('tryPayment', `${V1}/try-payments/{orderNum}`, false),
    tryPayment('tryPaymentOnSeedPath', `${V1}/orders/try-payments/{orderNum}`, true),
    {
      operationId: 'cancelOrder',
      method: 'delete',
      path: `${V1}/payments/{orderNum}`,
      tag: 'Orders',
      summary: 'Cancel: INITIATED to CANCELED; PAID to CANCELED with the payment refunded and the stock restored',
      access: 'BUYER',
      request: { params: orderPathSchema },
      answers: { 200: { description: 'Canceled', data: 'CancelReceipt' } },
      errors: ['FORBIDDEN', 'ORDER_NOT_FOUND', 'INVALID_STATE'],
    },
    {
      operationId: 'browseItems',
      method: 'get',
      path: `${V1}/items`,
      tag: 'Catalog',
      summary: 'Browse items, newest first, each with saleStatus and stock',
      access: 'public',
      request: { query: paginationSchema },
      answers: { 200: { description: 'A page of items', data: 'ListedItemPage' } },
    },
    {
      operationId: 'listItem',
      method: 'post',
      path: `${V1}/items`,
      tag: 'Catalog',
      summary: 'List an item (sellerNum must be the caller)',
      access: 'SELLER',
      request: { body: newItemSchema },
      answers: { 200: { description: 'The item and its stock', data: 'CreatedItem' } },
      errors: ['FORBIDDEN'],
    },
    {
      operationId: 'getItem',
      method: 'get',
      path: `${V1}/items/{itemNum}`,
      tag: 'Catalog',
      summary: 'One item, with saleStatus and stock',
      access: 'public',
      request: { params: itemPathSchema },
      answers: { 200: { description: 'The item', data: 'ListedItem' } },
      errors: ['ITEM_NOT_FOUND'],
    },
    {
      operationId: 'editItem',
      method: 'put',
      path: `${V1}/items/{itemNum}`,
      tag: 'Catalog',
      summary: 'Edit your item: terms, and stock (absolute) or stockDelta; stock never goes below zero',
      access: 'SELLER',
      request: { params: itemPathSchema, body: itemEditSchema },
      answers: { 200: { description: 'The item as it is now', data: 'ItemWithStock' } },
      errors: ['FORBIDDEN', 'ITEM_NOT_FOUND', 'INSUFFICIENT_STOCK'],
    },
    {
      operationId: 'deleteItem',
      method: 'delete',
      path: `${V1}/items/{itemNum}`,
      tag: 'Catalog',
      summary: 'Delete your item (soft: orders already taken still settle)',
      access: 'SELLER',
      request: { params: itemPathSchema },
      answers: { 200: { description: 'The deleted item', data: 'ItemWithStock' } },
      errors: ['FORBIDDEN', 'ITEM_NOT_FOUND'],
    },
    {
      operationId: 'getItemStock',
      method: 'get',
      path: `${V1}/items/stocks/{itemNum}`,
      tag: 'Catalog',
      summary: 'Stock left',
      access: 'public',
      request: { params: itemPathSchema },
      answers: { 200: { description: 'Units left', data: 'ItemStock' } },
      errors: ['ITEM_NOT_FOUND'],
    },
    {
      operationId: 'getServiceTime',
      method: 'get',
      path: `${V1}/time`,
      tag: 'Catalog',
      summary: "The service's clock (Redis's, no MySQL), which sale windows are judged by: a page corrects its countdown by it",
      access: 'public',
      uncached: true,
      answers: { 200: { description: 'The current time', data: 'ServiceTime' } },
    },
    {
      operationId: 'listSellerItems',
      method: 'get',
      path: `${V1}/sellers/{sellerNum}/items`,
      tag: 'Catalog',
      summary: "Your own items, newest first, each with its live figures: line length, units in flight, paid and failed orders, drain rate (sellerNum must be the caller)",
      access: 'SELLER',
      request: { params: sellerPathSchema, query: paginationSchema },
      answers: { 200: { description: 'A page of your items', data: 'SellerItemPage' } },
      errors: ['FORBIDDEN'],
    },
    {
      operationId: 'sendVerificationCode',
      method: 'post',
      path: `${V1}/verification`,
      tag: 'Accounts',
      summary: 'Email a one-time signup code (10 minutes, 5 attempts, one a minute per address)',
      access: 'public',
      request: { body: verificationSchema },
      answers: { 200: { description: 'Sent', data: 'VerificationSent' } },
      errors: ['VERIFICATION_TOO_SOON', 'RATE_LIMITED'],
    },
    {
      operationId: 'signUp',
      method: 'post',
      path: `${V1}/users/signup`,
      tag: 'Accounts',
      summary: 'Create an account with a mailed code',
      access: 'public',
      request: { body: signUpSchema },
      answers: { 200: { description: 'The new account', data: 'User' } },
      errors: ['VERIFICATION_CODE_INVALID', 'VERIFICATION_ATTEMPTS_EXCEEDED', 'EMAIL_TAKEN'],
    },
    {
      operationId: 'logIn',
      method: 'post',
      path: `${V1}/users/login`,
      tag: 'Accounts',
      summary: 'Log in: a bearer token (a wrong password and an unknown address get the same 401)',
      access: 'public',
      request: { body: logInSchema },
      answers: { 200: { description: 'A token and the account', data: 'SignedInUser' } },
      errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
    },
    {
      operationId: 'renameUser',
      method: 'put',
      path: `${V1}/users/update/{userNum}`,
      tag: 'Accounts',
      summary: 'Rename yourself',
      access: 'signed-in',
      request: { params: userPathSchema, body: renameSchema },
      answers: { 200: { description: 'The account', data: 'User' } },
      errors: ['FORBIDDEN', 'USER_NOT_FOUND'],
    },
    {
      operationId: 'changePassword',
      method: 'put',
      path: `${V1}/users/update/password/{userNum}`,
      tag: 'Accounts',
      summary: 'Change your password: every older token stops working, the answer carries a new one',
      access: 'signed-in',
      request: { params: userPathSchema, body: changePasswordSchema },
      answers: { 200: { description: 'The account and a new token', data: 'SignedInUser' } },
      errors: ['FORBIDDEN', 'INVALID_CREDENTIALS', 'USER_NOT_FOUND'],
    },
    {
      operationId: 'deleteAccount',
      method: 'delete',
      path: `${V1}/users/delete/{userNum}`,
      tag: 'Accounts',
      summary: 'Delete your account: it cannot log in, its tokens stop working, its address is freed',
      access: 'signed-in',
      request: { params: userPathSchema },
      answers: { 200: { description: 'The deleted account', data: 'User' } },
      errors: ['FORBIDDEN', 'USER_NOT_FOUND'],
    },
    {
      operationId: 'health',
      method: 'get',
      path: '/health',
      tag: 'Operations',
      summary: 'The process answers (also while MySQL or Redis is away: restarting it would not bring them back)',
      access: 'public',
      selfContained: true,
      answers: { 200: { description: 'Up', data: 'Health' } },
    },
    {
      operationId: 'ready',
      method: 'get',
      path: '/ready',
      tag: 'Operations',
      summary: 'MySQL and Redis are reachable (for load balancers), and how many workers run',
      access: 'public',
      // Its probes catch an outage and answer NOT_READY, naming the dependency that is down, within 2 s.
      selfContained: true,
      answers: { 200: { description: 'Ready', data: 'Readiness' } },
      errors: ['NOT_READY'],
    },
    {
      operationId: 'listDeadEntries',
      method: 'get',
      path: DEAD_ENTRIES_PATH,
      tag: 'Operations',
      summary: 'Line entries workers could not apply (not transiently), by order, oldest first (404 when no admin credential is configured)',
      access: 'admin',
      answers: { 200: { description: 'The dead orders of every item', data: 'DeadOrderList' } },
    },
    {
      operationId: 'retryDeadOrder',
      method: 'post',
      path: `${DEAD_ENTRIES_PATH}/{itemNum}/{orderNum}/retry`,
      tag: 'Operations',
      summary: "After mending the cause: put a dead order's entries back at the head of its item's line; a worker applies them next",
      access: 'admin',
      request: { params: deadOrderPathSchema },
      answers: { 200: { description: 'Back in the line', data: 'DeadOrderRetried' } },
      errors: ['DEAD_ORDER_NOT_FOUND'],
    },
    {
      operationId: 'cancelDeadOrder',
      method: 'post',
      path: `${DEAD_ENTRIES_PATH}/{itemNum}/{orderNum}/cancel`,
      tag: 'Operations',
      summary: 'Give a dead order up: CANCELED (in MySQL with a history row, and to its buyer), its in-flight units released',
      access: 'admin',
      request: { params: deadOrderPathSchema },
      answers: { 200: { description: 'Canceled', data: 'DeadOrderCanceled' } },
      errors: ['DEAD_ORDER_NOT_FOUND', 'INVALID_STATE'],
    },
    {
      operationId: 'listWorkers',
      method: 'get',
      path: WORKERS_PATH,
      tag: 'Operations',
      summary: 'The running workers: host, pid and the state of their metrics port (404 when no admin credential is configured)',
      access: 'admin',
      answers: { 200: { description: 'Every worker that renewed its roster entry lately', data: 'WorkerList' } },
    },
    {
      operationId: 'metrics',
      method: 'get',
      path: '/metrics',
      tag: 'Operations',
      summary: 'Prometheus metrics (404 when no admin credential is configured)',
      access: 'admin',
      answers: { 200: { description: 'Prometheus text exposition format', mediaType: 'text/plain', schema: { type: 'string' } } },
    },
    {
      operationId: 'openApiDocument',
      method: 'get',
      path: '/docs/openapi.json',
      tag: 'Operations',
      summary: 'This document',
      access: 'public',
      selfContained: true,
      answers: {
        200: {
          description: 'OpenAPI 3.1',
          mediaType: 'application/json',
          schema: { type: 'object', properties: { openapi: { type: 'string' }, info: { type: 'object' }, paths: { type: 'object' } }, required: ['openapi', 'info', 'paths'] },
        },
      },
    },
  ];
}
