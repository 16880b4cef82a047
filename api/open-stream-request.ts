import type { Request } from 'express';
import type { ParamsDictionary } from 'express-serve-static-core';

const NO_HEADERS = Object.freeze({});
const NO_RAW_HEADERS: string[] = Object.freeze([]) as unknown as string[];
const NO_PARAMS: ParamsDictionary = Object.freeze({});

/**
 * Lets go of what the request of an open event stream no longer needs once its answer's headers are
 * sent, for as long as the stream lives: the router's chain of `next` closures, the headers (the
 * bearer token among them, parsed and raw), the parsed URL, the path parameters and the caller,
 * about 1 KB of every open stream. What the access log and the metrics read when the stream closes
 * stays: method, originalUrl, route, id.
 */
export function releaseOpenStreamRequest(req: Request): void {
  const expressExtras = req as { next?: unknown; _parsedUrl?: unknown };
  expressExtras.next = undefined;
  expressExtras._parsedUrl = undefined;
  req.headers = NO_HEADERS;
  req.rawHeaders = NO_RAW_HEADERS;
  req.params = NO_PARAMS;
  req.principal = undefined;
}
