import request from 'supertest';
import { apiAreas } from '../../../server/routes/api';
import { createApiWorld, readSource, type ApiWorld } from './api-fixture';
import { validateOpenApi } from './openapi-structure';

/**
 * The OpenAPI 3.1 documents are generated from the route declarations: structurally valid, one
 * operation per mounted route, and per dataset a record schema from its row schema. The /api page
 * serves Swagger UI from local assets under a CSP that allows only 'self' scripts.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await createApiWorld();
});
afterAll(async () => w.cleanup());

type Doc = Record<string, any>;

describe('GET /api/v1/openapi.json', () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = (await request(w.app).get('/api/v1/openapi.json').expect(200).expect('Content-Type', /application\/json/)).body;
  });

  it('is a structurally valid OpenAPI 3.1 document whose $refs all resolve', () => {
    expect(validateOpenApi(doc)).toEqual([]);
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.servers[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('describes exactly the routes the app mounts, from the same declarations', () => {
    const declared = apiAreas({ catalogue: w.catalogue, config: w.config }).routes;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(declared.map((r) => `${r.method} ${r.path}`).sort());
    for (const path of [
      '/api/v1/datasets', '/api/v1/datasets/{slug}', '/api/v1/datasets/{slug}/schema', '/api/v1/organizations', '/api/v1/organizations/{slug}',
      '/api/v1/datasets/{slug}/records', '/api/v1/datasets/{slug}/records/{id}', '/api/v1/datasets/{slug}/versions/{n}/records',
      '/api/v1/datasets/{slug}/exports/{format}', '/healthz', '/api/v1/openapi.json', '/api/v1/datasets/{slug}/openapi.json',
    ]) expect(doc.paths[path]?.get).toBeDefined();
  });

  it('names the parameters of the contract and the shared problems', () => {
    const names = (path: string) => doc.paths[path].get.parameters.map((p: { name: string }) => p.name);
    expect(names('/api/v1/datasets')).toEqual(['q', 'theme', 'organization', 'keyword', 'licence', 'geo', 'sort', 'page', 'page_size']);
    expect(names('/api/v1/datasets/{slug}/records')).toEqual(expect.arrayContaining(['_where', '_select', '_sort', '_size', '_next', '_offset', '_q', '_bbox', '_facet', '_facet_size', '_group_by', '_agg', '_count']));
    expect(names('/api/v1/datasets/{slug}/exports/{format}')).toEqual(expect.arrayContaining(['_delimiter', '_bom', '_decimal', '_profile']));
    expect(doc.paths['/api/v1/datasets'].get.responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    expect(doc.paths['/api/v1/datasets'].get.responses['200'].headers).toHaveProperty('RateLimit-Remaining');
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail', 'code']);
  });

  it('refuses a parameter it does not take', async () => {
    await request(w.app).get('/api/v1/openapi.json?format=yaml').expect(400);
  });
});

describe('GET /api/v1/datasets/{slug}/openapi.json', () => {
  it('documents the dataset routes with the record schema generated from the row schema', async () => {
    const source = readSource('bornes-test');
    const res = await request(w.app).get('/api/v1/datasets/bornes-test/openapi.json').expect(200);
    const doc: Doc = res.body;
    expect(validateOpenApi(doc)).toEqual([]);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/datasets/bornes-test',
      '/api/v1/datasets/bornes-test/exports/{format}',
      '/api/v1/datasets/bornes-test/records',
      '/api/v1/datasets/bornes-test/records/{id}',
      '/api/v1/datasets/bornes-test/schema',
      '/api/v1/datasets/bornes-test/versions',
      '/api/v1/datasets/bornes-test/versions/{n}',
      '/api/v1/datasets/bornes-test/versions/{n}/records',
    ]);
    const record = doc.components.schemas.Record;
    expect(Object.keys(record.properties)).toEqual(Object.keys(source.schema.properties));
    const required = new Set(source.schema.required);
    for (const [name, property] of Object.entries(source.schema.properties)) {
      const generated = record.properties[name];
      const base = property.format === 'date' ? 'string' : property.type;
      expect({ name, type: generated.type }).toEqual({ name, type: required.has(name) ? base : [base, 'null'] });
      expect(generated.title).toBe(property.title);
      if (property.format) expect(generated.format).toBe(property.format);
      if (property.pattern) expect(generated.pattern).toBe(`^(?:${property.pattern})$`);
      if (property.minimum !== undefined) expect(generated.minimum).toBe(property.minimum);
    }
    const filters = doc.paths['/api/v1/datasets/bornes-test/records'].get.parameters.find((p: { name: string }) => p.name === 'filters');
    expect(Object.keys(filters.schema.properties)).toEqual(Object.keys(source.schema.properties));
    const pattern = new RegExp(Object.keys(filters.schema.patternProperties)[0]);
    expect(pattern.test('puissance_kw__gte')).toBe(true);
    expect(pattern.test('couleur__gte')).toBe(false);
    // The document names its server, so its ETag depends on the base URL: fixed here.
    const fixed = w.appWith({ baseUrl: 'https://donnees.eure.example' });
    const tagged = await request(fixed).get('/api/v1/datasets/bornes-test/openapi.json').expect(200);
    expect(tagged.body.servers).toEqual([{ url: 'https://donnees.eure.example' }]);
    expect(tagged.headers.etag).toMatch(/^W\/"bornes-test-v1-/);
    await request(fixed).get('/api/v1/datasets/bornes-test/openapi.json').set('If-None-Match', tagged.headers.etag).expect(304);
  });

  it('is valid for every fixture dataset, and a 404 problem for an unknown one', async () => {
    for (const slug of ['communes-test', 'piscines-test', 'subventions-test', 'dae-test', 'brouillon-test']) {
      const res = await request(w.app).get(`/api/v1/datasets/${slug}/openapi.json`).expect(200);
      expect({ slug, problems: validateOpenApi(res.body) }).toEqual({ slug, problems: [] });
    }
    await request(w.app).get('/api/v1/datasets/nulle-part/openapi.json').expect(404).expect('Content-Type', /problem\+json/);
  });
});

describe('the /api documentation page', () => {
  it('is a French page listing the routes, loading Swagger UI from local files, without inline scripts', async () => {
    const res = await request(w.app).get('/api').expect(200).expect('Content-Type', /text\/html/);
    expect(res.text).toMatch(/<html lang="fr">/);
    expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
    expect(res.text).toContain('/api/v1/datasets/{slug}/records');
    expect(res.text).toContain('id="probleme-rate-limited"');
    const scripts = [...res.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/src="\/assets\//);
    }
    expect(res.text).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs|jsdelivr)/);
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/default-src 'self'/);
    for (const asset of ['/assets/swagger-ui/swagger-ui-bundle.js', '/assets/swagger-ui/swagger-ui.css', '/assets/api-docs.js']) {
      const file = await request(w.app).get(asset).expect(200);
      expect(file.headers['content-type']).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
    }
    await request(w.app).get('/assets/swagger-ui/nope.js').expect(404);
  });
});
