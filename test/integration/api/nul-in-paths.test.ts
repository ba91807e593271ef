import request from 'supertest';
import { storeKindUnderTest } from '../../support/test-store';
import { createApiWorld, type ApiWorld } from './api-fixture';

/**
 * U+0000 in a slug: PostgreSQL refuses it in any bound text, so without care the store's error
 * became a 500. No slug can hold it: every route that takes a slug answers 404 (found by fuzzing).
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await createApiWorld();
});
afterAll(async () => w.cleanup());

const ROUTES = [
  '/api/v1/datasets/%00',
  '/api/v1/datasets/%00/schema',
  '/api/v1/datasets/%00/records',
  '/api/v1/datasets/%00/records?_next=0',
  '/api/v1/datasets/%00/versions',
  '/api/v1/datasets/%00/versions/1',
  '/api/v1/datasets/%00/versions/1/source',
  '/api/v1/datasets/%00/versions/1/records',
  '/api/v1/datasets/%00/diff?from=1&to=2',
  '/api/v1/datasets/%00/exports/csv',
  '/api/v1/organizations/%00',
  '/datasets/a%00b',
  '/organizations/a%00b',
];

describe(`a NUL character in a slug (${storeKindUnderTest()})`, () => {
  it.each(ROUTES)('%s is not found, never a server error', async (url) => {
    const res = await request(w.app).get(url);
    expect(res.status).toBe(404);
  });
});
