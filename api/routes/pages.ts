import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import helmet from 'helmet';
import type { Logger } from '../../shared/logger';

// `npm run build` puts the built pages (web/, built by Vite) in dist/web: beside the compiled
// api/ when running from dist/, under dist/ when running from the sources through tsx.
const fromSource = __filename.endsWith('.ts');
const BUILT_PAGES_DIR = path.join(__dirname, '..', '..', ...(fromSource ? ['dist'] : []), 'web');

/**
 * The pages' own policy: everything from this origin, nothing inline, no other host (the machines
 * are offline, and an injected script could read the token the page holds). /docs and
 * /admin/queues are mounted before the pages and keep their own headers: Swagger UI and bull-board
 * need inline scripts.
 */
const pageHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // TLS is the business of whatever terminates it in front of the service.
  strictTransportSecurity: false,
});

/** Hashed file names never change content: cache them for good; the pages themselves are checked every time. */
function cacheHeaders(res: express.Response, file: string): void {
  res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** The drop page at /, the seller page at /seller, and their files: the built pages, served as they are. */
export function pageRoutes(logger: Logger, pagesDir = BUILT_PAGES_DIR): Router {
  if (!existsSync(path.join(pagesDir, 'index.html'))) logger.warn({ pagesDir }, 'the pages are not built, / and /seller answer 404: run npm run build');
  const router = Router();
  router.use(pageHeaders, express.static(pagesDir, { index: 'index.html', redirect: true, setHeaders: cacheHeaders }));
  return router;
}
