import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { storeKindUnderTest } from '../../support/test-store';
import { binary } from '../api/api-fixture';
import { gzipBomb, nulFile, RENAMED_BINARIES, xlsxFile, zipBomb } from '../../fixtures/hostile-files';
import { bearer, COMMUNES_V1, createStewardsWorld, loginAs, type StewardsWorld } from './stewards-world';

/**
 * Hostile uploads through HTTP: binary files and archives renamed `.csv` are refused with a French
 * message before any row is read, by the public check, the API publish and the workspace form;
 * file names made to climb out of DATA_DIR are kept as a plain name inside
 * DATA_DIR/sources/<slug>/ and come back in a safe Content-Disposition; slugs and version numbers
 * made of `..` find nothing.
 */
let w: StewardsWorld;
beforeAll(async () => {
  w = await createStewardsWorld();
});
afterAll(() => w.cleanup());

const SLUG = 'communes-eure';
const dataDir = () => w.catalogue.config.dataDir;
const auth = () => bearer(w.agent.token);

/** A multipart body written by hand, so that the file name reaches the server byte for byte. */
function multipart(fileName: string, content: Buffer | string): { body: Buffer; type: string } {
  const boundary = `----limite${crypto.randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

function postVersion(fileName: string, content: Buffer | string, query = '') {
  const { body, type } = multipart(fileName, content);
  return request(w.app).post(`/api/v1/datasets/${SLUG}/versions${query}`).set(auth()).set('Content-Type', type).send(body);
}

/** Every file under a folder, relative to it. */
function tree(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(root, p)).isFile()).sort();
}

const currentVersion = async () => (await request(w.app).get(`/api/v1/datasets/${SLUG}`).expect(200)).body.version as number;

describe(`binary files renamed .csv (${storeKindUnderTest()})`, () => {
  const cases = [
    { name: 'zip bomb', file: 'bombe.csv', bytes: zipBomb(), says: /archive ZIP.*ne sont pas décompressées/ },
    { name: 'gzip bomb', file: 'bombe.csv.gz', bytes: gzipBomb(), says: /archive gzip.*ne sont pas décompressées/ },
    { name: 'xlsx', file: 'classeur.csv', bytes: xlsxFile(), says: /classeur Excel \(\.xlsx\).*« CSV UTF-8 »/ },
    { name: 'NUL bytes', file: 'vide.csv', bytes: nulFile(), says: /octets nuls/ },
    ...RENAMED_BINARIES.map((b) => ({ name: b.kind, file: `${b.kind}.csv`, bytes: b.bytes, says: b.says })),
  ];

  it.each(cases)('$name: the public check answers 200 with the refusal, nothing parsed', async ({ file, bytes, says }) => {
    const res = await request(w.app).post(`/api/v1/validate?schema=${SLUG}`).set('Content-Type', 'text/csv')
      .set('Content-Disposition', `attachment; filename="${file}"`).send(bytes).expect(200);
    expect(res.body.report).toMatchObject({ valid: false, stats: { rows: 0, errors: 1 }, source: { name: file, bytes: bytes.length }, dialect: { header: [] } });
    expect(res.body.report.errors).toEqual([{ code: 'encoding-error', message: expect.stringMatching(says) }]);
  });

  it('a publish of a zip bomb or a PDF is 422 with the report, and version 1 stays current', async () => {
    for (const [file, bytes] of [['bombe.csv', zipBomb()], ['document.csv', RENAMED_BINARIES[0].bytes]] as const) {
      const res = await postVersion(file, bytes).expect(422);
      expect(res.body.report.errors[0]).toMatchObject({ code: 'encoding-error', message: expect.stringMatching(/n'est pas un fichier CSV/) });
      expect(res.body.report.stats.rows).toBe(0);
    }
    expect(await currentVersion()).toBe(1);
  });

  it('the workspace upload page shows the French message', async () => {
    const { browser, csrf } = await loginAs(w.app, w.agent.email);
    const token = await csrf(`/espace/jeux/${SLUG}`);
    const sent = await browser.post(`/espace/jeux/${SLUG}/envois`).field('_csrf', token).field('action', 'verifier').attach('file', gzipBomb(), 'export.csv').expect(303);
    // The job page refreshes itself while the check runs, then shows the report.
    let url = sent.headers.location;
    let html = '';
    for (let hops = 0; hops < 200 && !html; hops++) {
      const res = await browser.get(url);
      if (res.status === 303) url = res.headers.location;
      else if (res.headers.refresh) await new Promise((resolve) => setTimeout(resolve, 20));
      else html = res.text;
    }
    expect(html).toContain('archive gzip. Les archives ne sont pas décompressées : envoyez le fichier CSV lui-même.');
  });
});

describe(`file names that climb out of DATA_DIR (${storeKindUnderTest()})`, () => {
  const HOSTILE_NAMES = [
    '../../etc/passwd', '..\\..\\win.ini', '/etc/passwd', 'C:\\Windows\\System32\\drivers\\etc\\hosts', 'sous/dossier/communes.csv',
    `${'a'.repeat(4000)}.csv`, '....//....//etc/passwd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '.htaccess',
    'facture\u202Evsc.exe', 'Évreux – été.csv',
  ];

  it('keeps each upload as a plain name under sources/<slug>/, writes nowhere else, serves it with a safe Content-Disposition', async () => {
    const passwd = crypto.createHash('sha256').update(fs.readFileSync('/etc/passwd')).digest('hex');
    const before = tree(dataDir());
    const published: number[] = [];
    const dispositions: string[] = [];
    for (const [i, name] of HOSTILE_NAMES.entries()) {
      const content = COMMUNES_V1.replace('46707', String(46_708 + i));
      const res = await postVersion(name, content).expect(201);
      published.push(res.body.version);
      const source = await request(w.app).get(`/api/v1/datasets/${SLUG}/versions/${res.body.version}/source`).buffer(true).parse(binary).expect(200);
      expect((source.body as Buffer).toString('utf8')).toBe(content);
      const disposition = source.headers['content-disposition'];
      dispositions.push(disposition);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]*$/);
      expect(disposition).not.toMatch(/[/\\]|\.\.(\/|%2F)|%00|%E2%80%AE|[\r\n]/i);
    }
    // The names people see: the last segment, a long one cut to 200 characters with its extension.
    expect(dispositions.map((d) => /filename="([^"]*)"/.exec(d)![1])).toEqual([
      'passwd', 'win.ini', 'passwd', 'hosts', 'communes.csv', `${'a'.repeat(196)}.csv`, 'passwd', '_2e_2e_2f_2e_2e_2fetc_2fpasswd', '.htaccess', 'facture_vsc.exe', 'Evreux _ ete.csv',
    ]);
    expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(dispositions[dispositions.length - 1])![1])).toBe('Évreux – été.csv');
    const added = tree(dataDir()).filter((f) => !before.includes(f));
    expect(added).toHaveLength(HOSTILE_NAMES.length);
    for (const file of added) {
      expect(path.dirname(file)).toBe(path.join('sources', SLUG));
      expect(path.basename(file)).toMatch(/^\d+-[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/);
    }
    // Nothing under the temporary uploads folder, nothing where the names point, /etc/passwd untouched.
    expect(tree(path.join(dataDir(), 'uploads'))).toEqual([]);
    for (const name of HOSTILE_NAMES) {
      for (const from of [path.join(dataDir(), 'sources', SLUG), path.join(dataDir(), 'uploads')]) {
        const target = path.resolve(from, name.replace(/\\/g, '/').replace(/\u0000/g, ''));
        if (!target.startsWith('/etc/') && target !== from && target !== path.dirname(from)) expect({ target, exists: fs.existsSync(target) }).toEqual({ target, exists: false });
      }
    }
    expect(crypto.createHash('sha256').update(fs.readFileSync('/etc/passwd')).digest('hex')).toBe(passwd);
    expect(published).toEqual(HOSTILE_NAMES.map((_, i) => i + 2));
  });

  it.each([
    { name: 'communes\u0000.csv.sh', detail: /multipart mal formé/ },
    { name: '..', detail: /Aucun fichier reçu/ },
    { name: 'rapport\r\nX-Injecte: 1.csv', detail: /Aucun fichier reçu/ },
  ])('$name as a multipart file name is refused with a 400, nothing kept', async ({ name, detail }) => {
    const before = tree(dataDir());
    const res = await postVersion(name, COMMUNES_V1).expect(400);
    expect(res.body).toMatchObject({ code: 'bad-request', detail: expect.stringMatching(detail) });
    expect(tree(dataDir())).toEqual(before);
  });

  it('a raw upload’s declared name is reduced to a plain name as well, NUL bytes and all', async () => {
    for (const [i, declared] of ["..%2F..%2F..%2Fetc%2Fshadow", "..%2F..%2Fcommunes%00.csv"].entries()) {
      const res = await request(w.app).post(`/api/v1/datasets/${SLUG}/versions`).set(auth()).set('Content-Type', 'text/csv')
        .set('Content-Disposition', `attachment; filename*=UTF-8''${declared}`).send(COMMUNES_V1.replace('46707', String(i + 1))).expect(201);
      const source = await request(w.app).get(`/api/v1/datasets/${SLUG}/versions/${res.body.version}/source`).buffer(true).parse(binary).expect(200);
      expect(source.headers['content-disposition']).not.toMatch(/[/\\]|%00|%2F|\.\./i);
    }
    const stored = tree(path.join(dataDir(), 'sources', SLUG)).filter((f) => /shadow|communes_\.csv/.test(f));
    expect(stored).toEqual([expect.stringMatching(/^\d+-shadow$/), expect.stringMatching(/^\d+-communes_\.csv$/)]);
  });

  it.each([
    `/api/v1/datasets/..%2F..%2Fetc/versions/1/source`,
    `/api/v1/datasets/%2e%2e/versions/1/source`,
    `/api/v1/datasets/${SLUG}/versions/..%2F..%2F..%2Fetc%2Fpasswd/source`,
    `/api/v1/datasets/${SLUG}/versions/1%2F..%2F..%2F2/source`,
    `/api/v1/datasets/${SLUG}%2F..%2F..%2F..%2Fetc/versions/1/source`,
    `/api/v1/datasets/..%5C..%5Cetc/versions/1/source`,
    `/espace/jeux/..%2F${SLUG}/rapports/1/fichier`,
    `/espace/jeux/${SLUG}/rapports/..%2F1/fichier`,
  ])('%s finds nothing', async (url) => {
    const { browser } = await loginAs(w.app, w.agent.email);
    const res = await browser.get(url).set(auth());
    expect([400, 404]).toContain(res.status);
    expect(res.text).not.toMatch(/root:|\/bin\/(ba)?sh/);
  });
});
