import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiDocument } from '../openapi/document';

/** Public API documentation: the OpenAPI 3.1 document and Swagger UI over it. */
export function docsRoutes(document: OpenApiDocument): Router {
  const router = Router();
  router.get('/docs/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document));
  return router;
}
