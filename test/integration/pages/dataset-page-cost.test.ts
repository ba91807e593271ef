import request from 'supertest';
import type { Catalogue } from '../../../catalogue';
import type { QueryParams, RecordsOptions } from '../../../catalogue/records';
import { createPagesWorld, type PagesWorld } from './pages-world';

/**
 * The dataset page renders from what the load stored (profiles, row count, report) plus a
 * ten-row preview read without a count: no records call of it scans the table, so the page of a
 * million-row dataset costs what a small one does (bench/api measures it at that size).
 */
let w: PagesWorld;
beforeAll(async () => {
  w = await createPagesWorld();
});
afterAll(() => w.cleanup());

function spying(catalogue: Catalogue) {
  const calls: Array<{ method: string; slug: string; params?: QueryParams; options?: RecordsOptions }> = [];
  const records = {
    query: (slug: string, params: QueryParams, options?: RecordsOptions) => {
      calls.push({ method: 'query', slug, params, options });
      return catalogue.records.query(slug, params, options);
    },
    get: (slug: string, id: string, options?: RecordsOptions) => {
      calls.push({ method: 'get', slug });
      return catalogue.records.get(slug, id, options);
    },
    stream: (slug: string, params: QueryParams, options?: RecordsOptions) => {
      calls.push({ method: 'stream', slug, params });
      return catalogue.records.stream(slug, params, options);
    },
  };
  return { catalogue: { ...catalogue, records } as Catalogue, calls };
}

describe('the dataset page’s reads', () => {
  it.each(['subventions-test', 'communes-test', 'dae-test'])('%s: one preview query, ten rows, no count', async (slug) => {
    const { catalogue, calls } = spying(w.catalogue);
    await request(w.appWith({}, catalogue)).get(`/datasets/${slug}`).expect(200);
    expect(calls).toEqual([{ method: 'query', slug, params: { _size: '10', _count: 'false' }, options: undefined }]);
  });

  it('shows the stored row count and profile, not counted from the preview', async () => {
    const { text } = await request(w.app).get('/datasets/communes-eure-contours').expect(200);
    expect(text).toMatch(/596 lignes/);
    expect(text).toMatch(/Les 10 premières lignes sur 596/);
    expect(text).toMatch(/<dt>Valeurs distinctes<\/dt><dd>596<\/dd>/);
  });
});
