import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import request from 'supertest';
import { COMMAND_LINE_ACTOR } from '../../../catalogue/accounts/types';
import { storeKindUnderTest } from '../../support/test-store';
import { createStewardsWorld, csrfOf, loginAs, type Browser, type StewardsWorld } from './stewards-world';

/**
 * The workspace in a browser without JavaScript: create a dataset (errors beside their fields),
 * upload (check only, publish, refused), the report page (encoding and dialect, fixes applied or
 * suggested, errors grouped, downloads), history, an older version's table, the diff,
 * unpublish and delete with confirmation, the audit log, the 413 page; every page in French with
 * one h1 and labelled fields; HTML from stewards always shown as text.
 */
let w: StewardsWorld;
let b: Browser;
let csrf: (path?: string) => Promise<string>;

beforeAll(async () => {
  w = await createStewardsWorld();
  ({ browser: b, csrf } = await loginAs(w.app, w.agent.email));
});
afterAll(async () => w.cleanup());

const SCHEMA = {
  type: 'object',
  properties: {
    code: { type: 'string', title: 'Code' },
    nom: { type: 'string', title: 'Nom' },
    montant: { type: 'number', title: 'Montant' },
  },
  required: ['code', 'nom'],
  'x-primaryKey': ['code'],
};
const XSS = '<script>alert("x")</script>';
const CELL_XSS = '<img src=x onerror=alert(1)>';

/** Every page: French, one h1, every visible form control with a label, no raw HTML from data. */
function expectSoundPage(html: string): void {
  expect(html).toMatch(/<html lang="fr">/);
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  const ids = new Set([...html.matchAll(/<label[^>]*for="([^"]+)"/g)].map((m) => m[1]));
  for (const [control] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    if (/type="(hidden|submit|checkbox)"/.test(control) && !/type="checkbox"/.test(control)) continue;
    const id = /\sid="([^"]+)"/.exec(control)?.[1];
    expect({ control, labelled: Boolean(id && ids.has(id)) }).toEqual({ control, labelled: true });
  }
  expect(html).not.toContain(XSS);
  expect(html).not.toContain(CELL_XSS);
}

async function page(url: string, status = 200): Promise<string> {
  const res = await b.get(url);
  expect({ url, status: res.status }).toEqual({ url, status });
  expectSoundPage(res.text);
  return res.text;
}

/** Follows a job page until the work is done; returns the final page. */
async function followJob(location: string): Promise<{ url: string; html: string }> {
  let url = location;
  for (let i = 0; i < 500; i++) {
    const res = await b.get(url);
    if (res.status === 303) {
      url = res.headers.location;
      continue;
    }
    expect(res.status).toBe(200);
    if (!res.headers.refresh) return { url, html: res.text };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('job never ended');
}

async function upload(slug: string, content: Buffer | string, name: string, action: 'verifier' | 'publier') {
  const token = await csrf(`/espace/jeux/${slug}`);
  const res = await b.post(`/espace/jeux/${slug}/envois`).field('_csrf', token).field('action', action).attach('file', Buffer.from(content), name).expect(303);
  expect(res.headers.location).toMatch(new RegExp(`^/espace/jeux/${slug}/travaux/[0-9a-f-]{36}$`));
  return followJob(res.headers.location);
}

describe(`creating a dataset (${storeKindUnderTest()})`, () => {
  it('shows each error beside its field, keeps what was typed, and a summary linking to the fields', async () => {
    await page('/espace/jeux/nouveau');
    const token = await csrf('/espace/jeux/nouveau');
    const res = await b.post('/espace/jeux/nouveau').field('_csrf', token).field('title', 'x').field('description', '')
      .field('organization', 'departement-eure').field('licence', 'WTFPL').field('contact_email', 'pas-une-adresse').field('schema', '{ "type": ').expect(422);
    expectSoundPage(res.text);
    expect(res.text).toContain('Le schéma n’est pas un JSON valide');
    const fixedSchema = await b.post('/espace/jeux/nouveau').field('_csrf', token).field('title', 'x').field('description', '')
      .field('organization', 'departement-eure').field('licence', 'WTFPL').field('contact_email', 'pas-une-adresse').field('schema', JSON.stringify(SCHEMA)).expect(422);
    const html = fixedSchema.text;
    expectSoundPage(html);
    for (const name of ['title', 'description', 'licence', 'contact_name']) {
      expect(html).toMatch(new RegExp(`id="${name}"[^>]*aria-describedby="[^"]*${name}-erreur"[^>]*aria-invalid="true"`));
      expect(html).toContain(`id="${name}-erreur"`);
      expect(html).toContain(`href="#${name}"`);
    }
    expect(html).toContain('value="x"');
    expect(html).toContain('id="resume-erreurs"');
    expect(html).not.toMatch(/\bmust\b/);
  });

  it('creates it with a schema file, then shows its page with a message', async () => {
    const token = await csrf('/espace/jeux/nouveau');
    const res = await b.post('/espace/jeux/nouveau').field('_csrf', token).field('title', `Équipements ${XSS}`).field('description', `Les équipements. ${XSS}`)
      .field('organization', 'departement-eure').field('licence', 'etalab-2.0').field('keywords', 'sport, culture').field('slug', 'equipements')
      .attach('schema_file', Buffer.from(JSON.stringify(SCHEMA)), 'schema.json').expect(303);
    expect(res.headers.location).toBe('/espace/jeux/equipements');
    const html = await page('/espace/jeux/equipements');
    expect(html).toContain('Le jeu de données « Équipements &lt;script&gt;');
    expect(html).toContain('Aucune version publiée pour l’instant.');
    const api = await request(w.app).get('/api/v1/datasets/equipements').expect(200);
    expect(api.body).toMatchObject({ title: `Équipements ${XSS}`, keywords: ['sport', 'culture'], organization: { slug: 'departement-eure' } });
  });

  it('edits the metadata and the schema', async () => {
    let html = await page('/espace/jeux/equipements/metadonnees');
    expect(html).toContain('value="sport, culture"');
    await b.post('/espace/jeux/equipements/metadonnees').type('form').send({
      _csrf: csrfOf(html), title: `Équipements ${XSS}`, description: 'Les équipements publics.', organization: 'departement-eure', licence: 'ODbL-1.0', keywords: '', frequency: 'annual',
    }).expect(303);
    expect((await request(w.app).get('/api/v1/datasets/equipements').expect(200)).body).toMatchObject({ licence: 'ODbL-1.0', keywords: [], frequency: 'annual' });
    html = await page('/espace/jeux/equipements/schema');
    expect(html).toContain('&quot;x-primaryKey&quot;');
    const bad = await b.post('/espace/jeux/equipements/schema').field('_csrf', csrfOf(html)).field('schema', JSON.stringify({ type: 'object', properties: { a: { type: 'integr' } } })).expect(422);
    expectSoundPage(bad.text);
    expect(bad.text).toContain('aria-invalid="true"');
    await b.post('/espace/jeux/equipements/schema').field('_csrf', csrfOf(html)).field('schema', JSON.stringify(SCHEMA)).expect(303);
  });
});

describe('uploading from the browser and reading the report', () => {
  it('checks a Windows-1252 file with a decimal comma: report with what was detected, applied and to fix; nothing published', async () => {
    const content = iconv.encode(`Code;NOM;montant\r\nA1;Théâtre ${CELL_XSS};12,5\r\nA2;Gymnase;8\r\nA3;Piscine;abc\r\n`, 'win1252');
    const { html } = await upload('equipements', content, 'équipements.csv', 'verifier');
    expectSoundPage(html);
    expect(html).toContain('Rapport de vérification');
    expect(html).toContain('Fichier invalide : il ne pourrait pas être publié en l’état.');
    expect(html).toContain('Le fichier est en Windows-1252');
    expect(html).toContain('Séparateur de colonnes : le point-virgule (;)');
    expect(html).toContain('Fins de ligne Windows (CRLF)');
    expect(html).toContain('L’en-tête « NOM » a été rapproché de la colonne « nom »');
    expect(html).toContain('Virgule décimale détectée dans la colonne « montant » (« 12,5 »)');
    expect(html).toMatch(/montant : 2 erreur\(s\)/);
    expect(html).toMatch(/Valeur du mauvais type : 2 erreur\(s\)/);
    expect(html).toMatch(/<td class="numeric">2<\/td><td class="numeric">3<\/td><td>montant<\/td><td><code>12,5<\/code><\/td>/);
    expect(html).toContain('n&#x27;est pas un nombre');
    const csvLink = /href="([^"]+rapport\.csv)"/.exec(html)![1];
    const jsonLink = /href="([^"]+rapport\.json)"/.exec(html)![1];
    const csv = await b.get(csvLink).expect(200).expect('Content-Type', /text\/csv/);
    expect(csv.text.startsWith('\uFEFFtype;ligne;colonne;champ;valeur;code;règle;message')).toBe(true);
    expect(csv.text).toContain('erreur;2;3;montant;12,5;type-error');
    const json = await b.get(jsonLink).expect(200);
    expect(JSON.parse(json.text)).toMatchObject({ valid: false, dialect: { encoding: 'windows-1252', delimiter: ';' }, stats: { errors: 2 } });
    expect((await request(w.app).get('/api/v1/datasets/equipements').expect(200)).body.version).toBeNull();
  });

  it('publishes a valid file: report page, history with number, author, rows, size, sha256 and the original file', async () => {
    const { url, html } = await upload('equipements', `code,nom,montant\nA1,Théâtre ${CELL_XSS},12.5\nA2,Gymnase,8\nA3,Piscine,3\n`, 'v1.csv', 'publier');
    expect(url).toMatch(/^\/espace\/jeux\/equipements\/rapports\/\d+$/);
    expectSoundPage(html);
    expect(html).toContain('Fichier valide : publié comme version 1.');
    const history = await page('/espace/jeux/equipements');
    expect(history).toMatch(/<th scope="row">1<\/th>\s*<td>[^<]+<\/td>\s*<td>agent@eure\.test<\/td>\s*<td class="numeric">3<\/td>/);
    expect(history).toMatch(/<code class="espace-empreinte">[0-9a-f]{64}<\/code>/);
    const source = await b.get('/api/v1/datasets/equipements/versions/1/source').expect(200);
    expect(source.text).toContain(CELL_XSS);
    await upload('equipements', 'code,nom,montant\nA1,Théâtre,13\nA3,Piscine,3\nA4,Stade,100\n', 'v2.csv', 'publier');
  });

  it('keeps a refused upload with its report and lists it', async () => {
    const { html } = await upload('equipements', 'code,nom,montant\nA1,,x\n', 'faux.csv', 'publier');
    expect(html).toContain('Fichier invalide : rien n’a été publié ; la version en ligne reste inchangée.');
    const history = await page('/espace/jeux/equipements');
    expect(history).toContain('Envois refusés ou en cours');
    expect(history).toMatch(/faux\.csv<\/td>\s*<td>[^<]+<\/td>\s*<td>refusé/);
  });

  it('shows an older version’s table and the diff with changed cells marked', async () => {
    const table = await page('/espace/jeux/equipements/versions/1');
    expect(table).toContain('lignes 1 à 3 sur 3');
    expect(table).toContain(`Théâtre ${CELL_XSS.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/=/g, '&#x3D;')}`);
    const diff = await page('/espace/jeux/equipements/comparer?de=1&a=2');
    expect(diff).toMatch(/<strong>1<\/strong> ligne\(s\) ajoutée\(s\)/);
    expect(diff).toMatch(/<strong>1<\/strong> ligne\(s\) supprimée\(s\)/);
    expect(diff).toMatch(/<strong>1<\/strong> ligne\(s\) modifiée\(s\)/);
    expect(diff).toMatch(/<caption>Ligne de clé A1<\/caption>/);
    expect(diff).toMatch(/<del aria-label="ancienne valeur">12,5<\/del> → <ins aria-label="nouvelle valeur">13<\/ins>/);
    expect(diff).toContain('Stade');
  });

  it('answers a file past MAX_UPLOAD_MB with a clear 413 page', async () => {
    const small = w.appWith({ maxUploadMb: 1 });
    const { browser, csrf: token } = await loginAs(small, w.agent.email);
    const t = await token('/espace/jeux/equipements');
    const res = await browser.post('/espace/jeux/equipements/envois').field('_csrf', t).field('action', 'publier').attach('file', Buffer.alloc(1_200_000, 'a'), 'gros.csv');
    expect(res.status).toBe(413);
    expectSoundPage(res.text);
    expect(res.text).toContain('<h1>Fichier trop volumineux</h1>');
    expect(res.text).toContain('1 Mo');
    expect(fs.readdirSync(path.join(w.config.dataDir, 'uploads')).filter((f) => f.startsWith('upload-'))).toEqual([]);
  });
});

describe('unpublish, delete, audit', () => {
  it('unpublishes after confirmation: no version online, history kept', async () => {
    const html = await page('/espace/jeux/equipements/depublier');
    await b.post('/espace/jeux/equipements/depublier').type('form').send({ _csrf: csrfOf(html) }).expect(303);
    expect((await request(w.app).get('/api/v1/datasets/equipements').expect(200)).body.version).toBeNull();
    await request(w.app).get('/api/v1/datasets/equipements/records').expect(404);
    const after = await page('/espace/jeux/equipements');
    expect(after).toContain('La version 2 n’est plus en ligne.');
    expect(after).toContain('Aucune version n’est en ligne.');
    expect((await request(w.app).get('/api/v1/datasets/equipements/versions').expect(200)).body.versions).toHaveLength(2);
  });

  it('deletes only when the identifier is typed: versions, tables and original files go', async () => {
    const tablesBefore = (await w.catalogue.store.dialect.listTables(w.catalogue.store.knex)).filter((t) => /^rec_\d+_\d+$/.test(t));
    const html = await page('/espace/jeux/equipements/supprimer');
    const wrong = await b.post('/espace/jeux/equipements/supprimer').type('form').send({ _csrf: csrfOf(html), confirmation: 'oui' }).expect(422);
    expectSoundPage(wrong.text);
    expect(wrong.text).toContain('Tapez exactement « equipements »');
    await b.post('/espace/jeux/equipements/supprimer').type('form').send({ _csrf: csrfOf(html), confirmation: 'equipements' }).expect(303);
    await request(w.app).get('/api/v1/datasets/equipements').expect(404);
    const tablesAfter = (await w.catalogue.store.dialect.listTables(w.catalogue.store.knex)).filter((t) => /^rec_\d+_\d+$/.test(t));
    expect(tablesAfter.length).toBe(tablesBefore.length - 2);
    expect(fs.existsSync(path.join(w.config.dataDir, 'sources', 'equipements'))).toBe(false);
    expect(await page('/espace')).toContain('Le jeu de données « equipements » a été supprimé.');
  });

  it('records who did what, when and from where, for administrators', async () => {
    const admin = await loginAs(w.app, w.admin.email);
    const res = await admin.browser.get('/espace/admin/journal').expect(200);
    expectSoundPage(res.text);
    for (const action of ['jeu de données supprimé', 'jeu de données dépublié', 'version publiée', 'envoi refusé', 'fichier vérifié', 'jeu de données créé', 'connexion']) {
      expect(res.text).toContain(`<td>${action}</td>`);
    }
    expect(res.text).toMatch(/<td>agent@eure\.test<\/td><td>navigateur<\/td><td>[^<]*127\.0\.0\.1<\/td><td>jeu de données supprimé<\/td><td>equipements<\/td>/);
    const filtered = await admin.browser.get('/espace/admin/journal?action=dataset.delete').expect(200);
    expect(filtered.text.match(/<td>jeu de données supprimé<\/td>/g)).toHaveLength(1);
    const events = await w.catalogue.audit.list(COMMAND_LINE_ACTOR, { action: 'version.publish' });
    expect(events.events[0]).toMatchObject({ actor: 'agent@eure.test', via: 'session', target: 'equipements', details: { version: 2, file: 'v2.csv' } });
  });

  it('renders the other workspace pages soundly', async () => {
    for (const url of ['/espace', '/espace/jetons', '/espace/compte', '/espace/jeux/communes-eure', '/espace/jeux/communes-eure/comparer']) await page(url);
    const admin = await loginAs(w.app, w.admin.email);
    for (const url of ['/espace/admin/organisations', '/espace/admin/comptes', '/espace/admin/comptes/nouveau', `/espace/admin/comptes/${w.agent.account.id}`, '/espace/admin/organisations/departement-eure']) {
      const res = await admin.browser.get(url).expect(200);
      expectSoundPage(res.text);
    }
    const login = await request(w.app).get('/connexion').expect(200);
    expectSoundPage(login.text);
    await request(w.app).get('/espace/ressources/espace.css').expect(200).expect('Content-Type', /text\/css/);
    await request(w.app).get('/espace/ressources/televersement.js').expect(200).expect('Content-Type', /javascript/);
  });
});
