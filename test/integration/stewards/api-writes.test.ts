import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { storeKindUnderTest } from '../../support/test-store';
import { bearer, COMMUNES_INVALID, COMMUNES_SCHEMA, COMMUNES_V1, COMMUNES_V2, createStewardsWorld, type StewardsWorld } from './stewards-world';

/**
 * The write API (contract section 6, stewards): create and change datasets, upload versions
 * (raw text/csv or multipart; dry run), uploads and their reports, original files, the public
 * validator; statuses 201 / 200 / 422 / 409 / 413 / 415 and the report's shape.
 */
let w: StewardsWorld;
beforeAll(async () => {
  w = await createStewardsWorld();
});
afterAll(async () => w.cleanup());

const api = () => request(w.app);

describe(`POST /api/v1/datasets and PATCH (${storeKindUnderTest()})`, () => {
  it('creates a dataset from dataset.json fields and an inline schema: 201 with the dataset and its Location', async () => {
    const res = await api().post('/api/v1/datasets').set(bearer(w.agent.token)).send({
      title: 'Écoles de l’Eure', description: 'Les écoles publiques.', organization: 'departement-eure', licence: 'etalab-2.0',
      keywords: ['école'], schema: COMMUNES_SCHEMA,
    }).expect(201);
    expect(res.body).toMatchObject({ slug: 'ecoles-de-l-eure', title: 'Écoles de l’Eure', version: null, record_count: 0, keywords: ['école'] });
    expect(res.headers.location).toMatch(/\/api\/v1\/datasets\/ecoles-de-l-eure$/);
    expect(res.body.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(COMMUNES_SCHEMA.properties));
    const again = await api().post('/api/v1/datasets').set(bearer(w.agent.token)).send({
      title: 'Écoles de l’Eure', description: 'Bis.', organization: 'departement-eure', licence: 'etalab-2.0', schema: COMMUNES_SCHEMA,
    }).expect(201);
    expect(again.body.slug).toBe('ecoles-de-l-eure-2');
    await api().post('/api/v1/datasets').set(bearer(w.agent.token)).send({
      slug: 'ecoles-de-l-eure', title: 'Doublon', description: 'x', organization: 'departement-eure', licence: 'etalab-2.0', schema: COMMUNES_SCHEMA,
    }).expect(409);
  });

  it('accepts a Table Schema and converts it', async () => {
    const res = await api().post('/api/v1/datasets').set(bearer(w.admin.token)).send({
      slug: 'table-schema-test', title: 'Avec un Table Schema', description: 'x', organization: 'nouvel-organisme', organization_title: 'Nouvel organisme', licence: 'CC-BY-4.0',
      schema: { fields: [{ name: 'id', type: 'integer' }, { name: 'nom', type: 'string', constraints: { required: true } }], primaryKey: ['id'] },
    }).expect(201);
    expect(res.body.organization).toEqual({ slug: 'nouvel-organisme', title: 'Nouvel organisme' });
    const schema = await api().get('/api/v1/datasets/table-schema-test/schema').expect(200);
    expect(JSON.parse(schema.text)).toMatchObject({ type: 'object', 'x-primaryKey': ['id'], required: ['nom'] });
  });

  it('names every faulty metadata field and the schema problems (422), and refuses a body that is not JSON', async () => {
    const res = await api().post('/api/v1/datasets').set(bearer(w.agent.token)).send({
      title: 'x', description: '', organization: 'departement-eure', licence: 'WTFPL', schema: COMMUNES_SCHEMA,
    }).expect(422).expect('Content-Type', /problem\+json/);
    expect(res.body.code).toBe('bad-metadata');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/title', '/description', '/licence']));
    for (const e of res.body.errors) expect(e.message).not.toMatch(/\bmust\b/);
    const bad = await api().post('/api/v1/datasets').set(bearer(w.agent.token)).send({
      title: 'Schéma faux', description: 'x', organization: 'departement-eure', licence: 'etalab-2.0', schema: { type: 'object', properties: { a: { type: 'integr' } } },
    }).expect(422);
    expect(bad.body.code).toBe('bad-schema');
    expect(JSON.stringify(bad.body.errors)).toMatch(/properties\/a\/type/);
    await api().post('/api/v1/datasets').set(bearer(w.agent.token)).set('Content-Type', 'application/json').send('{"title": ').expect(400);
    await api().post('/api/v1/datasets').set(bearer(w.agent.token)).type('form').send({ title: 'x' }).expect(415);
  });

  it('PATCH changes the fields given, removes those set to null, and keeps the slug', async () => {
    const res = await api().patch('/api/v1/datasets/communes-eure').set(bearer(w.agent.token))
      .send({ title: 'Communes du département de l’Eure', frequency: 'annual', keywords: ['communes'] }).expect(200);
    expect(res.body).toMatchObject({ slug: 'communes-eure', title: 'Communes du département de l’Eure', frequency: 'annual', keywords: ['communes'], version: 1 });
    const removed = await api().patch('/api/v1/datasets/communes-eure').set(bearer(w.agent.token)).send({ frequency: null }).expect(200);
    expect(removed.body.frequency).toBeNull();
    const slug = await api().patch('/api/v1/datasets/communes-eure').set(bearer(w.agent.token)).send({ slug: 'autre' }).expect(422);
    expect(slug.body.errors[0].path).toBe('/slug');
    await api().patch('/api/v1/datasets/nulle-part').set(bearer(w.agent.token)).send({ title: 'Titre' }).expect(404);
  });
});

describe('POST /api/v1/datasets/{slug}/versions', () => {
  it('publishes a valid raw text/csv body: 201 with the version number and the report', async () => {
    const res = await api().post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token))
      .set('Content-Type', 'text/csv').set('Content-Disposition', 'attachment; filename="communes-2025.csv"').send(COMMUNES_V2).expect(201);
    expect(res.body.version).toBe(2);
    expect(res.body.report).toMatchObject({ valid: true, source: { name: 'communes-2025.csv' }, dialect: { delimiter: ';', encoding: 'utf-8' }, stats: { rows: 3 } });
    expect(res.headers.location).toMatch(/\/api\/v1\/datasets\/communes-eure\/versions\/2$/);
    const records = await api().get('/api/v1/datasets/communes-eure/records').expect(200);
    expect(records.body.version).toBe(2);
    expect(records.body.records.map((r: { commune: string }) => r.commune).sort()).toEqual(['Bernay', 'Vernon', 'Évreux']);
  });

  it('refuses an invalid file with 422 and its report; nothing published, the upload kept and listed', async () => {
    const res = await api().post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token)).attach('file', Buffer.from(COMMUNES_INVALID), 'mauvais.csv').expect(422);
    expect(res.body.report.valid).toBe(false);
    expect(res.body.report.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'type-error', row: 2, field: 'population', value: 'beaucoup' }),
      expect.objectContaining({ code: 'constraint-error', row: 3, field: 'code_insee', rule: 'pattern' }),
    ]));
    expect(typeof res.body.upload).toBe('number');
    const current = await api().get('/api/v1/datasets/communes-eure').expect(200);
    expect(current.body.version).toBe(2);
    const uploads = await api().get('/api/v1/datasets/communes-eure/uploads').set(bearer(w.agent.token)).expect(200);
    const rejected = uploads.body.uploads.find((u: { id: number }) => u.id === res.body.upload);
    expect(rejected).toMatchObject({ status: 'rejected', number: null, source_name: 'mauvais.csv', valid: false, author: 'agent@eure.test' });
    expect(uploads.body.uploads.map((u: { status: string }) => u.status)).toEqual(['rejected', 'published', 'superseded']);
    const detail = await api().get(`/api/v1/datasets/communes-eure/uploads/${res.body.upload}`).set(bearer(w.agent.token)).expect(200);
    expect(detail.body.report.stats.errors).toBe(res.body.report.stats.errors);
    const source = await api().get(`/api/v1/datasets/communes-eure/uploads/${res.body.upload}/source`).set(bearer(w.agent.token)).expect(200);
    expect(source.text).toBe(COMMUNES_INVALID);
    // Only published versions take a number, without gaps.
    const versions = await api().get('/api/v1/datasets/communes-eure/versions').expect(200);
    expect(versions.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });

  it('a dry run answers 200 with the report, valid or not, and publishes nothing', async () => {
    const valid = await api().post('/api/v1/datasets/communes-eure/versions?dry_run=true').set(bearer(w.agent.token)).set('Content-Type', 'text/csv').send(COMMUNES_V1).expect(200);
    expect(valid.body).toEqual({ report: expect.objectContaining({ valid: true }) });
    const invalid = await api().post('/api/v1/datasets/communes-eure/versions?dry_run=true').set(bearer(w.agent.token)).set('Content-Type', 'text/csv').send(COMMUNES_INVALID).expect(200);
    expect(invalid.body.report.valid).toBe(false);
    expect((await api().get('/api/v1/datasets/communes-eure').expect(200)).body.version).toBe(2);
    await api().post('/api/v1/datasets/communes-eure/versions?dry_run=peut-etre').set(bearer(w.agent.token)).set('Content-Type', 'text/csv').send(COMMUNES_V1).expect(400);
  });

  it('answers 413 past MAX_UPLOAD_MB, 415 for another body type, 400 for a form without a file', async () => {
    const small = w.appWith({ maxUploadMb: 1 });
    const big = 'code_insee;commune;population;superficie\n' + '27229;Évreux;46707;26,44\n'.repeat(50_000);
    const res = await request(small).post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token)).set('Content-Type', 'text/csv').send(big);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload-too-large');
    expect(res.body.detail).toMatch(/1 Mo/);
    const multipart = await request(small).post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token)).attach('file', Buffer.from(big), 'gros.csv');
    expect(multipart.status).toBe(413);
    // Without Content-Length (chunked), the limit is found while streaming; the answer still arrives.
    const server = small.listen(0);
    try {
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ port: (server.address() as AddressInfo).port, method: 'POST', path: '/api/v1/datasets/communes-eure/versions',
          headers: { ...bearer(w.agent.token), 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        for (let i = 0; i < 30; i++) req.write(big.slice(0, 50_000));
        req.end();
      });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body).code).toBe('payload-too-large');
    } finally {
      server.close();
    }
    await api().post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token)).set('Content-Type', 'application/pdf').send(Buffer.from('%PDF')).expect(415);
    await api().post('/api/v1/datasets/communes-eure/versions').set(bearer(w.agent.token)).field('autre', 'x').expect(400);
    expect((await api().get('/api/v1/datasets/communes-eure').expect(200)).body.version).toBe(2);
  });
});

describe('versions, original files and the diff', () => {
  it('lists versions with number, status, date, author, rows, size, sha256 and the link to the original bytes', async () => {
    const res = await api().get('/api/v1/datasets/communes-eure/versions').expect(200);
    const [v2, v1] = res.body.versions;
    expect(v2).toMatchObject({ number: 2, status: 'published', author: 'agent@eure.test', rows: 3, bytes: Buffer.byteLength(COMMUNES_V2), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(v1).toMatchObject({ number: 1, status: 'superseded', author: 'admin@eure.test' });
    expect(v1.links.source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/datasets\/communes-eure\/versions\/1\/source$/);
    const source = await api().get('/api/v1/datasets/communes-eure/versions/1/source').expect(200);
    expect(source.text).toBe(COMMUNES_V1);
    expect(source.headers['content-disposition']).toMatch(/attachment; filename="communes-v1\.csv"/);
    const older = await api().get('/api/v1/datasets/communes-eure/versions/1/records?_sort=code_insee').expect(200);
    expect(older.body).toMatchObject({ version: 1, total_count: 3 });
    expect(older.body.records.map((r: { commune: string }) => r.commune)).toEqual(['Évreux', 'Louviers', 'Vernon']);
  });

  it('GET /diff compares two versions by primary key: counts and first rows, changed cells named', async () => {
    const res = await api().get('/api/v1/datasets/communes-eure/diff?from=1&to=2').expect(200);
    expect(res.body).toMatchObject({ from: 1, to: 2, added: 1, removed: 1, changed: 1, key: ['code_insee'] });
    expect(res.body.samples.added).toEqual([{ code_insee: '27056', commune: 'Bernay', population: 10000, superficie: 23.9 }]);
    expect(res.body.samples.removed).toEqual([{ code_insee: '27375', commune: 'Louviers', population: 18240, superficie: 27.07 }]);
    expect(res.body.samples.changed).toEqual([{
      key: '27681', fields: ['population'],
      before: { code_insee: '27681', commune: 'Vernon', population: 23557, superficie: 35.14 },
      after: { code_insee: '27681', commune: 'Vernon', population: 24000, superficie: 35.14 },
    }]);
    const defaults = await api().get('/api/v1/datasets/communes-eure/diff').expect(200);
    expect([defaults.body.from, defaults.body.to]).toEqual([1, 2]);
    await api().get('/api/v1/datasets/communes-eure/diff?from=1&to=9').expect(404);
    await api().get('/api/v1/datasets/communes-eure/diff?from=x').expect(400);
    await api().get('/api/v1/datasets/parkings-evreux/diff').expect(404);
  });
});

describe('POST /api/v1/validate (public)', () => {
  it('validates a file against a dataset’s schema and publishes nothing, for anyone', async () => {
    const res = await api().post('/api/v1/validate?schema=communes-eure').set('Content-Type', 'text/csv').send(COMMUNES_INVALID).expect(200);
    expect(res.body.report).toMatchObject({ valid: false, stats: { rows: 2 } });
    const ok = await api().post('/api/v1/validate?schema=communes-eure').attach('file', Buffer.from(COMMUNES_V1), 'a.csv').expect(200);
    expect(ok.body.report).toMatchObject({ valid: true, source: { name: 'a.csv' } });
    await api().post('/api/v1/validate?schema=nulle-part').set('Content-Type', 'text/csv').send(COMMUNES_V1).expect(404);
    await api().post('/api/v1/validate').set('Content-Type', 'text/csv').send(COMMUNES_V1).expect(400);
    expect((await api().get('/api/v1/datasets/communes-eure').expect(200)).body.version).toBe(2);
  });
});

describe('the OpenAPI document', () => {
  it('describes the write routes with their request bodies and security', async () => {
    const doc = (await api().get('/api/v1/openapi.json').expect(200)).body;
    const post = doc.paths['/api/v1/datasets/{slug}/versions'].post;
    expect(post.security).toEqual([{ jeton: [] }, { session: [] }]);
    expect(Object.keys(post.requestBody.content)).toEqual(['text/csv', 'multipart/form-data']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '201', '401', '403', '409', '413', '422']));
    expect(doc.paths['/api/v1/datasets'].post).toBeDefined();
    expect(doc.paths['/api/v1/datasets/{slug}'].patch).toBeDefined();
    expect(doc.paths['/api/v1/validate'].post.security).toBeUndefined();
    expect(doc.components.securitySchemes.jeton).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
