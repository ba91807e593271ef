import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { createApp } from '../../../server/app';
import { captureLog } from '../../support/log-capture';
import { binary, createApiWorld, readSource, type ApiWorld } from './api-fixture';
import { endlessRows, probedRows, sourceStream, withStream, type StreamProbe } from './stub-records';

/**
 * The HTTP side of exports, with the records stream stood in for (stub-records.ts) so that the
 * writers, back-pressure and disconnects are tested on their own: values are checked against the
 * fixture CSV. The contract tests with the real records service are in exports.test.ts.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await createApiWorld();
});
afterAll(async () => w.cleanup());

const bornes = readSource('bornes-test');
const subventions = readSource('subventions-test');

function appFor(slugStream = sourceStream) {
  const { catalogue, probe } = withStream(w.catalogue, (slug, p) => slugStream(readSource(slug), p));
  return { app: w.appWith({}, catalogue), probe };
}

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
const neutralised = (text: string) => (FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text);


describe('CSV export', () => {
  it('writes every record with the header, and neutralises formula-like text cells', async () => {
    const { app } = appFor();
    const res = await request(app).get('/api/v1/datasets/subventions-test/exports/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="subventions-test-v1\.csv"; filename\*=UTF-8''subventions-test-v1\.csv$/);
    const [header, ...rows] = parse(res.text, { delimiter: ',' }) as string[][];
    expect(header).toEqual(subventions.header);
    expect(rows).toHaveLength(subventions.rows.length);
    rows.forEach((cells, i) => {
      const source = subventions.rows[i];
      expect(cells[0]).toBe(neutralised(source.beneficiaire));
      expect(cells[1]).toBe(neutralised(source.objet));
      expect(cells[2]).toBe(String(Number(source.montant.replace(',', '.'))));
    });
    // The attacks in the fixture do arrive neutralised; a negative amount stays a number.
    expect(rows[1][0]).toBe("'=CMD|'/C calc'!A0");
    expect(rows[3][1]).toBe("'@aide alimentaire");
    expect(rows[3][2]).toBe('-250.75');
  });

  it('speaks French Excel with _profile=excel-fr: semicolons, BOM, decimal comma, CRLF', async () => {
    const { app } = appFor();
    const res = await request(app).get('/api/v1/datasets/bornes-test/exports/csv?_profile=excel-fr').buffer(true).parse(binary).expect(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const [header, ...rows] = parse(text.slice(1), { delimiter: ';' }) as string[][];
    expect(header).toEqual(bornes.header);
    expect(rows.map((r) => r[4])).toEqual(bornes.rows.map((r) => r.puissance_kw));
    expect(rows.map((r) => r[5])).toEqual(bornes.rows.map((r) => (r.latitude === '' ? '' : String(Number(r.latitude)).replace('.', ','))));
    expect(rows.map((r) => r[9])).toEqual(bornes.rows.map((r) => neutralised(r.note)));
  });

  it('takes _delimiter, _bom and _decimal one by one', async () => {
    const { app } = appFor();
    const tab = await request(app).get('/api/v1/datasets/bornes-test/exports/csv?_delimiter=tab&_decimal=,').expect(200);
    expect(tab.text.split('\n')[0]).toBe(bornes.header.join('\t'));
    expect(tab.text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parse(tab.text, { delimiter: '\t' }) as string[][];
    expect(rows[1][4]).toBe(bornes.rows[0].puissance_kw);
    const bom = await request(app).get('/api/v1/datasets/bornes-test/exports/csv?_bom=true&_delimiter=;').buffer(true).parse(binary).expect(200);
    expect((bom.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const bad = await request(app).get('/api/v1/datasets/bornes-test/exports/csv?_delimiter=|&_bom=oui&_decimal=x&_profile=excel').expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['_bom', '_decimal', '_delimiter', '_profile']);
    expect(bad.headers['content-disposition']).toBeUndefined();
  });
});

describe('JSON, NDJSON and GeoJSON exports', () => {
  it('writes a JSON array and NDJSON lines of every record', async () => {
    const { app } = appFor();
    const json = await request(app).get('/api/v1/datasets/bornes-test/exports/json').expect(200).expect('Content-Type', /application\/json/);
    expect(json.body.map((r: { id_borne: string }) => r.id_borne)).toEqual(bornes.rows.map((r) => r.id_borne));
    const ndjson = await request(app).get('/api/v1/datasets/bornes-test/exports/ndjson').buffer(true).parse(binary).expect(200);
    expect(ndjson.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = (ndjson.body as Buffer).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((r) => r.note)).toEqual(bornes.rows.map((r) => (r.note === '' ? null : r.note)));
  });

  it('writes a GeoJSON FeatureCollection of points from latitude and longitude', async () => {
    const { app } = appFor();
    const res = await request(app).get('/api/v1/datasets/bornes-test/exports/geojson').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    const collection = JSON.parse((res.body as Buffer).toString('utf8'));
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(bornes.rows.length);
    collection.features.forEach((f: { geometry: { coordinates: number[] } | null; properties: { id_borne: string } }, i: number) => {
      const source = bornes.rows[i];
      expect(f.properties.id_borne).toBe(source.id_borne);
      if (source.latitude === '') expect(f.geometry).toBeNull();
      else expect(f.geometry).toEqual({ type: 'Point', coordinates: [Number(source.longitude), Number(source.latitude)] });
    });
  });

  it('reads WKT geometries', async () => {
    const { app } = appFor();
    const res = await request(app).get('/api/v1/datasets/piscines-test/exports/geojson').buffer(true).parse(binary).expect(200);
    const features = JSON.parse((res.body as Buffer).toString('utf8')).features;
    const source = readSource('piscines-test');
    expect(features.map((f: { geometry: unknown }) => f.geometry)).toEqual(source.rows.map((r) => {
      const m = /POINT \(([-\d.]+) ([-\d.]+)\)/.exec(r.geom);
      return m ? { type: 'Point', coordinates: [Number(m[1]), Number(m[2])] } : null;
    }));
  });

  it('refuses GeoJSON for a dataset without coordinates with a 400 problem, and closes the stream', async () => {
    const { app, probe } = appFor();
    const res = await request(app).get('/api/v1/datasets/subventions-test/exports/geojson').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'bad-request', errors: [expect.objectContaining({ path: 'format' })] });
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(probe.pulled).toBe(0);
  });

  it('refuses an unknown format and CSV options on other formats', async () => {
    const { app, probe } = appFor();
    const format = await request(app).get('/api/v1/datasets/bornes-test/exports/xlsx').expect(400);
    expect(format.body.errors).toEqual([expect.objectContaining({ path: 'format', message: expect.stringContaining('csv, json, ndjson, geojson') })]);
    const misplaced = await request(app).get('/api/v1/datasets/bornes-test/exports/json?_bom=true').expect(400);
    expect(misplaced.body.errors).toEqual([expect.objectContaining({ path: '_bom' })]);
    expect(probe.opened).toBe(0);
  });
});

describe('ETag, HEAD', () => {
  it('answers If-None-Match with a 304 without opening the stream', async () => {
    const { app, probe } = appFor();
    const first = await request(app).get('/api/v1/datasets/bornes-test/exports/csv').expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"bornes-test-v1-/);
    await request(app).get('/api/v1/datasets/bornes-test/exports/csv').set('If-None-Match', etag).expect(304);
    expect(probe.opened).toBe(1);
    const other = await request(app).get('/api/v1/datasets/bornes-test/exports/csv?_profile=excel-fr').expect(200);
    expect(other.headers.etag).not.toBe(etag);
  });

  it('answers HEAD with the headers and reads no record', async () => {
    const { app, probe } = appFor();
    const res = await request(app).head('/api/v1/datasets/bornes-test/exports/ndjson').expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(probe.pulled).toBe(0);
    expect(probe.closed || probe.pulled === 0).toBe(true);
  });
});

describe('streaming', () => {
  async function listen(app: http.RequestListener): Promise<{ server: http.Server; port: number }> {
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, port: (server.address() as AddressInfo).port };
  }

  const endless = () => withStream(w.catalogue, (slug, probe) => ({
    dataset: slug, version: 1, geo: null,
    fields: ['id', 'texte', 'valeur'].map((name) => ({ name, type: 'string', title: null, description: null })),
    rows: probedRows(endlessRows(), probe),
  }));

  async function settle(probe: StreamProbe): Promise<number> {
    let last = -1;
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 150));
      if (probe.pulled === last) return last;
      last = probe.pulled;
    }
    throw new Error(`the export never stopped reading (${probe.pulled} rows pulled)`);
  }

  for (const encoding of ['identity', 'gzip']) {
    it(`stops pulling records while the client does not read (back-pressure, ${encoding})`, async () => {
      const { catalogue, probe } = endless();
      const { server, port } = await listen(w.appWith({}, catalogue));
      try {
        const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
          const req = http.get({ port, host: '127.0.0.1', path: '/api/v1/datasets/bornes-test/exports/csv', headers: { 'Accept-Encoding': encoding } }, resolve);
          req.on('error', reject);
        });
        response.pause();
        expect(response.statusCode).toBe(200);
        const plateau = await settle(probe);
        expect(plateau).toBeGreaterThan(0);
        expect(plateau).toBeLessThan(2_000_000);
        expect(probe.closed).toBe(false);
        // Reading again resumes the export.
        response.resume();
        await new Promise((r) => setTimeout(r, 200));
        expect(probe.pulled).toBeGreaterThan(plateau);
        response.destroy();
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  }

  it('stops reading records when the client goes away mid-export', async () => {
    const { catalogue, probe } = endless();
    const { server, port } = await listen(w.appWith({}, catalogue));
    try {
      await new Promise<void>((resolve) => {
        const req = http.get({ port, host: '127.0.0.1', path: '/api/v1/datasets/bornes-test/exports/ndjson' }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => undefined);
      });
      for (let i = 0; i < 50 && !probe.closed; i++) await new Promise((r) => setTimeout(r, 50));
      expect(probe.closed).toBe(true);
      const pulled = probe.pulled;
      await new Promise((r) => setTimeout(r, 200));
      expect(probe.pulled).toBe(pulled);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('cuts the connection when the stream fails midway, rather than ending a short file', async () => {
    const log = captureLog(w.config);
    const failing = withStream(w.catalogue, (slug, probe) => ({
      dataset: slug, version: 1, geo: null, fields: [{ name: 'id', type: 'integer', title: null, description: null }],
      rows: (async function* rows() {
        for (let i = 0; i < 5000; i++) {
          probe.pulled += 1;
          yield { id: i };
        }
        throw new Error('SQLITE_IOERR: disk I/O error at /srv/secret.ts:12');
      })(),
    }));
    const { server, port } = await listen(createApp({ catalogue: failing.catalogue, config: w.config, logger: log.logger }));
    try {
      const outcome = await new Promise<string>((resolve) => {
        const req = http.get({ port, host: '127.0.0.1', path: '/api/v1/datasets/bornes-test/exports/csv' }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve(`ended:${body.length}`));
          res.on('aborted', () => resolve('aborted'));
          res.on('error', () => resolve('aborted'));
        });
        req.on('error', () => resolve('aborted'));
      });
      expect(outcome).toBe('aborted');
      expect(log.lines<{ err?: { message: string } }>().filter((line) => line.err?.message.startsWith('SQLITE_IOERR'))).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
