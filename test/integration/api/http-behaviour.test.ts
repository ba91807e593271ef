import request from 'supertest';
import { createApiWorld, type ApiWorld } from './api-fixture';

/**
 * What every API answer shares: rate limiting with standard headers and a 429 problem, CORS open
 * on the read routes only, security headers, compression, the dataset ETag, and /healthz.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await createApiWorld();
});
afterAll(async () => w.cleanup());

describe('rate limiting', () => {
  it('counts API requests per client with RateLimit-* headers, then answers a 429 problem', async () => {
    const app = w.appWith({ rateLimit: 3 });
    for (const remaining of [2, 1, 0]) {
      const res = await request(app).get('/api/v1/organizations').expect(200);
      expect(res.headers['ratelimit-limit']).toBe('3');
      expect(res.headers['ratelimit-remaining']).toBe(String(remaining));
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(res.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
    const limited = await request(app).get('/api/v1/datasets').expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'rate-limited', title: expect.any(String), detail: expect.stringContaining('3') });
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client has its own count; pages, assets and health are not API requests.
    await request(app).get('/api/v1/datasets').set('X-Forwarded-For', '203.0.113.7').expect(200);
    await request(app).get('/').expect(200);
    await request(app).get('/api').expect(200);
    await request(app).get('/healthz').expect(200);
  });

  it('is off with RATE_LIMIT=0', async () => {
    const res = await request(w.appWith({ rateLimit: 0 })).get('/api/v1/datasets').expect(200);
    expect(res.headers['ratelimit-limit']).toBeUndefined();
  });
});

describe('CORS', () => {
  it('is open on GET API routes, errors included, with the useful headers exposed', async () => {
    for (const [url, status] of [['/api/v1/datasets', 200], ['/api/v1/datasets/nulle-part', 404]] as const) {
      const res = await request(w.app).get(url).set('Origin', 'https://reutilisation.example').expect(status);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-expose-headers']).toMatch(/ETag/);
      expect(res.headers['access-control-expose-headers']).toMatch(/RateLimit-Remaining/);
      expect(res.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    }
  });

  it('answers a preflight for GET, and nothing for other methods or for pages', async () => {
    const preflight = await request(w.app).options('/api/v1/datasets/bornes-test/records')
      .set('Origin', 'https://reutilisation.example').set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'If-None-Match')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/If-None-Match/);
    const write = await request(w.app).options('/api/v1/datasets').set('Origin', 'https://x.example').set('Access-Control-Request-Method', 'POST');
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
    const post = await request(w.app).post('/api/v1/datasets').set('Origin', 'https://x.example');
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
    const page = await request(w.app).get('/').set('Origin', 'https://x.example').expect(200);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security headers and compression', () => {
  it('sets helmet headers, HSTS and upgrade-insecure-requests only behind an HTTPS BASE_URL', async () => {
    const plain = await request(w.app).get('/api/v1/datasets').expect(200);
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['x-powered-by']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const https = await request(w.appWith({ baseUrl: 'https://donnees.eure.example' })).get('/api/v1/datasets').expect(200);
    expect(https.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    expect(https.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('compresses JSON answers and exports for clients that accept it', async () => {
    for (const url of ['/api/v1/openapi.json', '/api/v1/datasets/bornes-test/exports/csv']) {
      const res = await request(w.app).get(url).set('Accept-Encoding', 'gzip').expect(200);
      expect({ url, encoding: res.headers['content-encoding'] }).toEqual({ url, encoding: 'gzip' });
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
    }
  });
});

describe('dataset ETag', () => {
  it('changes with the metadata as well as with the version', async () => {
    const app = w.appWith({ baseUrl: 'http://test.local' });
    const first = await request(app).get('/api/v1/datasets/piscines-test').expect(200);
    expect(first.headers.etag).toMatch(/^W\/"piscines-test-v1-/);
    await request(app).get('/api/v1/datasets/piscines-test').set('If-None-Match', first.headers.etag).expect(304);
    await request(app).get('/api/v1/datasets/piscines-test').set('If-None-Match', `"autre", ${first.headers.etag}`).expect(304);
    await w.catalogue.store.knex('datasets').where({ slug: 'piscines-test' }).update({ title: 'Piscines (titre modifié)', updated_at: new Date(Date.now() + 1000).toISOString() });
    const changed = await request(app).get('/api/v1/datasets/piscines-test').set('If-None-Match', first.headers.etag).expect(200);
    expect(changed.body.title).toBe('Piscines (titre modifié)');
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  it('tags the row schema by its content', async () => {
    const app = w.appWith({});
    const first = await request(app).get('/api/v1/datasets/bornes-test/schema').expect(200);
    await request(app).get('/api/v1/datasets/bornes-test/schema').set('If-None-Match', first.headers.etag).expect(304);
  });
});

describe('/healthz', () => {
  it('reports the store, and a 503 when it does not answer', async () => {
    const ok = await request(w.app).get('/healthz').expect(200);
    expect(ok.body).toEqual({ status: 'ok', store: { ok: true, kind: w.catalogue.store.kind } });
    const down = { ...w.catalogue, health: async () => ({ ok: false, kind: w.catalogue.store.kind, error: 'le stockage ne répond pas' }) };
    const res = await request(w.appWith({}, down)).get('/healthz').expect(503);
    expect(res.body).toMatchObject({ status: 'error', store: { ok: false } });
  });
});
