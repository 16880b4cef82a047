import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { Express } from 'express';

/**
 * The HTTP server of `app`, whose requests and responses are born with the app's prototypes.
 * Express otherwise swaps the prototype of each one it handles (Object.setPrototypeOf), and V8
 * (Node 20's 11.3) then gives every request and every response a hidden class of its own from the
 * first property added after the swap: some 2 KB a pair, kept as long as the request lives (an
 * open order stream's whole life), and a new shape at every property access of every request.
 * Born with the prototype, Express's swap changes nothing and they share their hidden classes.
 */
export function createServerOf(app: Express): Server {
  class AppRequest extends IncomingMessage {}
  class AppResponse extends ServerResponse {}
  Object.setPrototypeOf(AppRequest.prototype, app.request);
  Object.setPrototypeOf(AppResponse.prototype, app.response);
  app.request = AppRequest.prototype as Express['request'];
  app.response = AppResponse.prototype as Express['response'];
  return createServer({ IncomingMessage: AppRequest, ServerResponse: AppResponse }, app);
}
