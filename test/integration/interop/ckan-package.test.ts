import { createHash } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../../server/app';
import { captureLog } from '../../support/log-capture';
import { binary, readSource, type ApiWorld } from '../api/api-fixture';
import { ckanCall, COMPLETE, completeDataFile, completeMetadata, createCkanWorld } from './ckan-world';

/**
 * `package_show` field by field for a dataset whose every metadata is known from its folder, as
 * data.gouv.fr's and ckanext-harvest's CKAN harvesters read it; the resources' addresses fetched
 * through the app; and CKAN's error envelopes.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await createCkanWorld();
});
afterAll(async () => w.cleanup());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CKAN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('package_show', () => {
  it('gives every field a harvester reads, from the dataset folder', async () => {
    const metadata = completeMetadata();
    const { body } = await ckanCall(w, 'package_show', `id=${COMPLETE}`);
    const p = body.result;
    const site = body.help.replace(/\/api\/3\/.*$/, '');
    expect(p).toMatchObject({
      name: COMPLETE,
      title: metadata.title,
      notes: metadata.description,
      url: `${site}/datasets/${COMPLETE}`,
      version: '1',
      license_id: 'odc-odbl',
      license_title: 'Open Database License (ODbL) 1.0',
      license_url: 'https://opendatacommons.org/licenses/odbl/1-0/',
      isopen: true,
      type: 'dataset',
      state: 'active',
      private: false,
      maintainer: metadata.contact.name,
      maintainer_email: metadata.contact.email,
      frequency: 'monthly',
      temporal_start: '2018-01-01',
      temporal_end: '2025-12-31',
      num_resources: 5,
      num_tags: 5,
    });
    expect(p.id).toMatch(UUID);
    expect(p.metadata_created).toMatch(CKAN_TIME);
    expect(p.metadata_modified).toMatch(CKAN_TIME);
    expect(p.metadata_modified >= p.metadata_created).toBe(true);

    expect(p.organization).toMatchObject({
      name: metadata.organization, title: metadata.organization_title, type: 'organization', is_organization: true,
      state: 'active', approval_status: 'approved', description: '', image_url: '',
    });
    expect(p.organization.id).toMatch(UUID);
    expect(p.organization.created).toMatch(CKAN_TIME);
    expect(p.owner_org).toBe(p.organization.id);

    // Keywords then themes; the apostrophe CKAN refuses in a tag name is gone from `name` only.
    expect(p.tags.map((t: { name: string; display_name: string }) => [t.name, t.display_name])).toEqual([
      ['borne de recharge', 'borne de recharge'],
      ['qualité de l air', 'qualité de l’air'],
      ['IRVE', 'IRVE'],
      ['Énergie', 'Énergie'],
      ['Transports', 'Transports'],
    ]);
    for (const tag of p.tags) expect(tag).toMatchObject({ id: expect.stringMatching(UUID), state: 'active', vocabulary_id: null });
    expect(p.groups.map((g: { name: string; title: string }) => [g.name, g.title])).toEqual([['energie', 'Énergie'], ['transports', 'Transports']]);

    // The bounding box of the four bornes, as a Polygon (the only geometry data.gouv.fr takes).
    const ring = [[0.6013, 49.0251], [1.7779, 49.0251], [1.7779, 49.2811], [0.6013, 49.2811], [0.6013, 49.0251]];
    expect(JSON.parse(p.spatial)).toEqual({ type: 'Polygon', coordinates: [ring] });
    expect(p.extras).toEqual([
      { key: 'frequency', value: 'monthly' },
      { key: 'spatial', value: p.spatial },
      { key: 'spatial-granularity', value: 'poi' },
      { key: 'spatial-text', value: 'Département de l’Eure' },
      { key: 'spatial-zones', value: '27' },
      { key: 'temporal_end', value: '2025-12-31' },
      { key: 'temporal_start', value: '2018-01-01' },
    ]);
  });

  it('lists one resource per export and the original file, whose addresses answer with those very bytes', async () => {
    const { body } = await ckanCall(w, 'package_show', `id=${COMPLETE}`);
    const p = body.result;
    const site = body.help.replace(/\/api\/3\/.*$/, '');
    const api = `${site}/api/v1/datasets/${COMPLETE}`;
    expect(p.resources.map((r: Record<string, unknown>) => [r.format, r.mimetype, r.url, r.position])).toEqual([
      ['CSV', 'text/csv', `${api}/exports/csv`, 0],
      ['JSON', 'application/json', `${api}/exports/json`, 1],
      ['NDJSON', 'application/x-ndjson', `${api}/exports/ndjson`, 2],
      ['GeoJSON', 'application/geo+json', `${api}/exports/geojson`, 3],
      ['CSV', 'text/csv', `${api}/versions/1/source`, 4],
    ]);
    const original = completeDataFile();
    const ids = new Set<string>();
    for (const r of p.resources) {
      expect(r).toMatchObject({ package_id: p.id, resource_type: 'file', state: 'active', name: expect.any(String), description: expect.any(String) });
      expect(r.id).toMatch(UUID);
      ids.add(r.id);
      expect(r.created).toMatch(CKAN_TIME);
      expect(r.last_modified).toMatch(CKAN_TIME);
      const res = await request(w.app).get(new URL(r.url).pathname).buffer(true).parse(binary);
      expect({ url: r.url, status: res.status }).toEqual({ url: r.url, status: 200 });
      expect(res.headers['content-type'].split(';')[0]).toBe(r.mimetype === 'application/x-ndjson' ? 'application/x-ndjson' : r.mimetype);
      if (r.position === 4) {
        expect(res.body.equals(original)).toBe(true);
        expect(r).toMatchObject({ size: original.length, hash: sha256(original) });
      } else {
        expect(r).toMatchObject({ size: null, hash: '' });
      }
    }
    expect(ids.size).toBe(5);
  });

  it('answers the same package for its UUID as for its name, with the same ids on every call, on BASE_URL', async () => {
    const app = w.appWith({ baseUrl: 'https://donnees.eure.example' });
    const show = async (id: string) => (await request(app).get(`/api/3/action/package_show?id=${id}`).expect(200)).body;
    const byName = await show(COMPLETE);
    expect(byName.help).toBe('https://donnees.eure.example/api/3/action/help_show?name=package_show');
    expect(byName.result.url).toBe(`https://donnees.eure.example/datasets/${COMPLETE}`);
    expect(await show(byName.result.id)).toEqual(byName);
  });

  it('gives a dataset never published as a package without resources, and one without a box no spatial', async () => {
    const draft = (await ckanCall(w, 'package_show', 'id=brouillon-test')).body.result;
    expect(draft).toMatchObject({ name: 'brouillon-test', version: null, resources: [], num_resources: 0, license_id: 'lov2', state: 'active' });
    expect(draft.spatial).toBeUndefined();
    // Lambert-93 coordinates: no WGS84 box to give.
    const dae = (await ckanCall(w, 'package_show', 'id=dae-test')).body.result;
    expect(dae.spatial).toBeUndefined();
    expect(dae.extras).toEqual([]);
    expect(dae.organization).toMatchObject({ name: readSource('dae-test').metadata.organization, title: 'SDIS de test' });
  });

  it('gives every package each key data.gouv.fr\'s harvester requires, with the type it checks', async () => {
    // udata harvest/backends/ckan/schemas/ckan.py: a voluptuous schema with required=True.
    const str = (v: unknown) => typeof v === 'string';
    const strOrNull = (v: unknown) => v === null || typeof v === 'string';
    const date = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(`${v}Z`));
    const uuid = (v: unknown) => typeof v === 'string' && UUID.test(v);
    const PACKAGE = { id: str, name: str, title: str, notes: strOrNull, license_id: str, license_title: strOrNull, tags: Array.isArray, metadata_created: date, metadata_modified: date, resources: Array.isArray, private: (v: unknown) => v === false, type: (v: unknown) => v === 'dataset', author: strOrNull, author_email: strOrNull, maintainer: strOrNull, maintainer_email: strOrNull, state: str };
    const ORGANIZATION = { id: str, description: str, created: date, title: str, name: str, revision_timestamp: date, is_organization: (v: unknown) => v === true, state: str, image_url: str, revision_id: str, type: (v: unknown) => v === 'organization', approval_status: (v: unknown) => v === 'approved' };
    const RESOURCE = { id: uuid, position: Number.isInteger, name: str, description: strOrNull, format: str, mimetype: strOrNull, size: (v: unknown) => v === null || Number.isInteger(v), hash: (v: unknown) => v === '' || (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)), created: date, last_modified: date, url: (v: unknown) => typeof v === 'string' && /^https?:\/\//.test(v), resource_type: (v: unknown) => v === 'file' };
    const TAG = { id: str, name: str, display_name: str };
    const failures = (object: Record<string, unknown>, checks: Record<string, (v: unknown) => boolean>, at: string) =>
      Object.entries(checks).filter(([key, check]) => !(key in object) || !check(object[key])).map(([key]) => `${at}.${key}=${JSON.stringify(object[key])}`);
    const { body } = await ckanCall(w, 'package_search', 'rows=1000');
    const problems = body.result.results.flatMap((p: Record<string, any>) => [
      ...failures(p, PACKAGE, p.name),
      ...failures(p.organization, ORGANIZATION, `${p.name}.organization`),
      ...p.resources.flatMap((r: Record<string, unknown>, i: number) => failures(r, RESOURCE, `${p.name}.resources[${i}]`)),
      ...p.tags.flatMap((t: Record<string, unknown>, i: number) => failures(t, TAG, `${p.name}.tags[${i}]`)),
      ...p.extras.filter((e: { key: unknown; value: unknown }) => !str(e.key) || !str(e.value)).map(() => `${p.name}.extras`),
    ]);
    expect(problems).toEqual([]);
    expect(body.result.results.filter((p: { resources: unknown[] }) => p.resources.length > 0).length).toBeGreaterThan(1);
  });

  it('answers an unknown dataset with a 404 Not Found Error', async () => {
    for (const id of ['nulle-part', '00000000-0000-5000-8000-000000000000']) {
      const { body } = await ckanCall(w, 'package_show', `id=${id}`, 404);
      expect(body.error).toEqual({ __type: 'Not Found Error', message: expect.stringContaining(id) });
    }
  });

  it('answers a missing id, a repeated id or an unknown parameter with a 409 Validation Error naming it', async () => {
    expect((await ckanCall(w, 'package_show', '', 409)).body.error).toEqual({ __type: 'Validation Error', id: [expect.stringContaining('manquante')] });
    expect((await ckanCall(w, 'package_show', 'id=a&id=b', 409)).body.error).toEqual({ __type: 'Validation Error', id: [expect.any(String)] });
    const { body } = await ckanCall(w, 'package_show', `id=${COMPLETE}&couleur=bleu`, 409);
    expect(body.error).toEqual({ __type: 'Validation Error', couleur: [expect.stringContaining('paramètre inconnu')] });
    // What CKAN clients send and CKAN accepts is accepted.
    await ckanCall(w, 'package_show', `id=${COMPLETE}&use_default_schema=true`);
  });

  it('leaves an unexpected failure to the one error handler: logged, a 500 problem without internals', async () => {
    const log = captureLog(w.config);
    const failing = new Error('SQLITE_CORRUPT: select * from rec_1_1 at /srv/app/catalogue/x.ts:12');
    const broken = { ...w.catalogue, datasets: { ...w.catalogue.datasets, search: () => Promise.reject(failing), get: () => Promise.reject(failing) } };
    const app = createApp({ catalogue: broken, config: w.config, logger: log.logger });
    for (const url of ['/api/3/action/package_search', `/api/3/action/package_show?id=${COMPLETE}`]) {
      const res = await request(app).get(url).expect(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 500, code: 'internal-error' });
      expect(res.text).not.toMatch(/SQLITE|select|\.ts:/);
    }
    expect(log.lines<{ err?: { message: string } }>().filter((line) => line.err?.message.startsWith('SQLITE_CORRUPT'))).toHaveLength(2);
  });
});
