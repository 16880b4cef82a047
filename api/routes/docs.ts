import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { openApiDocument } from '../openapi-document';

/** Public API documentation: the OpenAPI 3 document and Swagger UI over it. */
export function docsRoutes(): Router {
  const router = Router();
  router.get('/docs/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(openApiDocument as swaggerUi.JsonObject));
  return router;
}
