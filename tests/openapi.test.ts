import { expect } from 'chai';
import request from 'supertest';
import { documentedRouters } from '../api/app';
import { openApiDocument } from '../api/openapi-document';
import type { RunningApi } from '../api/server';
import { startTestApi } from './support/api';

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

function documentedRoutes(): string[] {
  return Object.entries(openApiDocument.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
}

describe('API documentation', () => {
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

  it('When someone opens /docs, Swagger UI is served, and /docs/openapi.json is the OpenAPI 3 document', async () => {
    const ui = await request(api.url).get('/docs/').expect(200);
    expect(ui.text).to.include('swagger-ui');
    const spec = await request(api.url).get('/docs/openapi.json').expect(200);
    expect(spec.body.openapi).to.match(/^3\./);
    expect(Object.keys(spec.body.paths)).to.include('/api/v1/orders');
  });
});
