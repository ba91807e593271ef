import request from 'supertest';
import { storeKindUnderTest } from '../../support/test-store';
import {
  bearer, COMMUNES_SCHEMA, COMMUNES_V1, createStewardsWorld, loginAs, type Browser, type StewardsWorld,
} from './stewards-world';

/**
 * The authorisation matrix over every write route of the API and every workspace page: anonymous
 * → 401 (API, and page forms) or the login page (page reads); a steward of another organisation →
 * 403; the dataset's own steward → allowed; an administrator → allowed. Administrators' pages are
 * 403 for every steward. Each case runs for the four of them.
 */
type Who = 'anonyme' | 'autre' | 'responsable' | 'admin';
const WHO: Who[] = ['anonyme', 'autre', 'responsable', 'admin'];

let w: StewardsWorld;
let browsers: Record<Exclude<Who, 'anonyme'>, { browser: Browser; csrf: (path?: string) => Promise<string> }>;
let uploadId: number;
let counter = 0;

beforeAll(async () => {
  w = await createStewardsWorld();
  browsers = {
    autre: await loginAs(w.app, w.other.email),
    responsable: await loginAs(w.app, w.agent.email),
    admin: await loginAs(w.app, w.admin.email),
  };
  const actor = w.catalogue.accounts.actorFor(w.admin.account, 'token', null);
  uploadId = (await w.catalogue.stewards.uploads.list(actor, 'communes-eure'))[0].id;
});
afterAll(async () => w.cleanup());

/** A dataset of the Département made for a destructive case (deleted or unpublished). */
async function throwaway(): Promise<string> {
  const slug = `jetable-${++counter}`;
  const actor = w.catalogue.accounts.actorFor(w.admin.account, 'token', null);
  await w.catalogue.stewards.create(actor, {
    metadata: { slug, title: `Jeu jetable ${counter}`, description: 'x', organization: 'departement-eure', licence: 'etalab-2.0' }, schema: COMMUNES_SCHEMA,
  });
  await w.catalogue.stewards.uploads.upload(actor, slug, { path: w.writeFile(`${slug}.csv`, COMMUNES_V1), name: `${slug}.csv` });
  return slug;
}

const tokenOf = (who: Who) => ({ autre: w.other.token, responsable: w.agent.token, admin: w.admin.token, anonyme: '' })[who];

interface ApiCase {
  label: string;
  ok: number;
  /** `auth`: the Authorization header of the caller (none for anonymous). */
  send(client: request.SuperTest<request.Test>, who: Who, auth: Record<string, string>): request.Test;
}

const API_CASES: ApiCase[] = [
  {
    label: 'POST /api/v1/datasets', ok: 201,
    send: (c, who, auth) => c.post('/api/v1/datasets').set(auth).send({
      slug: `matrice-${who}-${++counter}`, title: 'Jeu de la matrice', description: 'x', organization: 'departement-eure', licence: 'etalab-2.0', schema: COMMUNES_SCHEMA,
    }),
  },
  { label: 'PATCH /api/v1/datasets/{slug}', ok: 200, send: (c, _who, auth) => c.patch('/api/v1/datasets/communes-eure').set(auth).send({ description: `Modifié ${++counter}` }) },
  { label: 'POST …/versions (publication)', ok: 201, send: (c, _who, auth) => c.post('/api/v1/datasets/communes-eure/versions').set(auth).set('Content-Type', 'text/csv').send(COMMUNES_V1) },
  { label: 'POST …/versions?dry_run=true', ok: 200, send: (c, _who, auth) => c.post('/api/v1/datasets/communes-eure/versions?dry_run=true').set(auth).attach('file', Buffer.from(COMMUNES_V1), 'f.csv') },
  { label: 'GET …/uploads', ok: 200, send: (c, _who, auth) => c.get('/api/v1/datasets/communes-eure/uploads').set(auth) },
  { label: 'GET …/uploads/{id}', ok: 200, send: (c, _who, auth) => c.get(`/api/v1/datasets/communes-eure/uploads/${uploadId}`).set(auth) },
  { label: 'GET …/uploads/{id}/source', ok: 200, send: (c, _who, auth) => c.get(`/api/v1/datasets/communes-eure/uploads/${uploadId}/source`).set(auth) },
];

describe(`API write routes (${storeKindUnderTest()})`, () => {
  for (const c of API_CASES) {
    for (const who of WHO) {
      const expected = { anonyme: 401, autre: 403, responsable: c.ok, admin: c.ok }[who];
      it(`${c.label} — ${who} → ${expected}`, async () => {
        const client = request(w.app) as unknown as request.SuperTest<request.Test>;
        const res = await c.send(client, who, who === 'anonyme' ? {} : bearer(tokenOf(who)));
        expect({ status: res.status, body: res.status >= 400 ? res.body.code : undefined })
          .toEqual({ status: expected, body: expected === 401 ? 'unauthenticated' : expected === 403 ? 'forbidden' : undefined });
        if (expected === 401) expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      });
    }
  }

  it('a token that is unknown, or another scheme than Bearer, is a 401', async () => {
    await request(w.app).get('/api/v1/datasets/communes-eure/uploads').set(bearer('odt_' + 'x'.repeat(43))).expect(401);
    await request(w.app).get('/api/v1/datasets/communes-eure/uploads').set('Authorization', 'Basic YTpi').expect(401);
  });
});

interface PageCase {
  label: string;
  /** Who besides the dataset's stewards and administrators may: any logged-in account, or administrators only. */
  audience: 'dataset' | 'account' | 'admin';
  method: 'get' | 'post';
  ok: number;
  /** The request, for a logged-in browser (csrf: a valid token of its session). */
  send(b: Browser | request.SuperTest<request.Test>, csrf: string): PromiseLike<request.Response>;
}

const form = (b: Browser | request.SuperTest<request.Test>, path: string, csrf: string, fields: Record<string, string>) =>
  b.post(path).type('form').send({ _csrf: csrf, ...fields });

const PAGE_CASES: PageCase[] = [
  { label: 'GET /espace', audience: 'account', method: 'get', ok: 200, send: (b) => b.get('/espace') },
  { label: 'GET /espace/jeux/nouveau', audience: 'account', method: 'get', ok: 200, send: (b) => b.get('/espace/jeux/nouveau') },
  {
    label: 'POST /espace/jeux/nouveau (organisation du Département)', audience: 'dataset', method: 'post', ok: 303,
    send: (b, csrf) => b.post('/espace/jeux/nouveau').field('_csrf', csrf).field('title', `Créé par formulaire ${++counter}`).field('description', 'x')
      .field('organization', 'departement-eure').field('licence', 'etalab-2.0').field('schema', JSON.stringify(COMMUNES_SCHEMA)),
  },
  { label: 'GET /espace/jeux/{slug}', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get('/espace/jeux/communes-eure') },
  { label: 'GET …/metadonnees', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get('/espace/jeux/communes-eure/metadonnees') },
  {
    label: 'POST …/metadonnees', audience: 'dataset', method: 'post', ok: 303,
    send: (b, csrf) => form(b, '/espace/jeux/communes-eure/metadonnees', csrf, { title: 'Communes de l’Eure', description: `Décrit ${++counter}`, organization: 'departement-eure', licence: 'etalab-2.0' }),
  },
  { label: 'GET …/schema', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get('/espace/jeux/communes-eure/schema') },
  {
    label: 'POST …/schema', audience: 'dataset', method: 'post', ok: 303,
    send: (b, csrf) => b.post('/espace/jeux/communes-eure/schema').field('_csrf', csrf).field('schema', JSON.stringify(COMMUNES_SCHEMA)),
  },
  {
    label: 'POST …/envois (vérifier)', audience: 'dataset', method: 'post', ok: 303,
    send: (b, csrf) => b.post('/espace/jeux/communes-eure/envois').field('_csrf', csrf).field('action', 'verifier').attach('file', Buffer.from(COMMUNES_V1), 'c.csv'),
  },
  { label: 'GET …/rapports/{id}', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get(`/espace/jeux/communes-eure/rapports/${uploadId}`) },
  { label: 'GET …/rapports/{id}/rapport.csv', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get(`/espace/jeux/communes-eure/rapports/${uploadId}/rapport.csv`) },
  { label: 'GET …/rapports/{id}/fichier', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get(`/espace/jeux/communes-eure/rapports/${uploadId}/fichier`) },
  { label: 'GET …/versions/1', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get('/espace/jeux/communes-eure/versions/1') },
  { label: 'GET …/comparer', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get('/espace/jeux/communes-eure/comparer') },
  { label: 'GET …/depublier', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get('/espace/jeux/communes-eure/depublier') },
  { label: 'POST …/depublier', audience: 'dataset', method: 'post', ok: 303, send: async (b, csrf) => form(b, `/espace/jeux/${await throwaway()}/depublier`, csrf, {}) },
  { label: 'GET …/supprimer', audience: 'dataset', method: 'get', ok: 200, send: (b) => b.get('/espace/jeux/communes-eure/supprimer') },
  {
    label: 'POST …/supprimer', audience: 'dataset', method: 'post', ok: 303,
    send: async (b, csrf) => {
      const slug = await throwaway();
      return form(b, `/espace/jeux/${slug}/supprimer`, csrf, { confirmation: slug });
    },
  },
  { label: 'GET /espace/jetons', audience: 'account', method: 'get', ok: 200, send: (b) => b.get('/espace/jetons') },
  { label: 'POST /espace/jetons', audience: 'account', method: 'post', ok: 201, send: (b, csrf) => form(b, '/espace/jetons', csrf, { name: `matrice-${++counter}` }) },
  { label: 'GET /espace/compte', audience: 'account', method: 'get', ok: 200, send: (b) => b.get('/espace/compte') },
  { label: 'GET /espace/admin/organisations', audience: 'admin', method: 'get', ok: 200, send: (b) => b.get('/espace/admin/organisations') },
  {
    label: 'POST /espace/admin/organisations', audience: 'admin', method: 'post', ok: 303,
    send: (b, csrf) => form(b, '/espace/admin/organisations', csrf, { slug: `organisme-${++counter}`, title: 'Un organisme' }),
  },
  { label: 'GET /espace/admin/comptes', audience: 'admin', method: 'get', ok: 200, send: (b) => b.get('/espace/admin/comptes') },
  { label: 'GET /espace/admin/comptes/nouveau', audience: 'admin', method: 'get', ok: 200, send: (b) => b.get('/espace/admin/comptes/nouveau') },
  {
    label: 'POST /espace/admin/comptes/nouveau', audience: 'admin', method: 'post', ok: 303,
    send: (b, csrf) => form(b, '/espace/admin/comptes/nouveau', csrf, { email: `nouveau-${++counter}@eure.test`, role: 'steward', organizations: 'departement-eure' }),
  },
  { label: 'GET /espace/admin/comptes/{id}', audience: 'admin', method: 'get', ok: 200, send: (b) => b.get(`/espace/admin/comptes/${w.agent.account.id}`) },
  { label: 'GET /espace/admin/journal', audience: 'admin', method: 'get', ok: 200, send: (b) => b.get('/espace/admin/journal') },
];

function expectedFor(c: PageCase, who: Who): number {
  if (who === 'anonyme') return c.method === 'get' ? 303 : 401;
  if (who === 'admin') return c.ok;
  if (c.audience === 'admin') return 403;
  if (c.audience === 'account') return c.ok;
  return who === 'responsable' ? c.ok : 403;
}

describe('workspace pages', () => {
  for (const c of PAGE_CASES) {
    for (const who of WHO) {
      const expected = expectedFor(c, who);
      it(`${c.label} — ${who} → ${expected}`, async () => {
        let res: request.Response;
        if (who === 'anonyme') {
          // An anonymous form post carries no session: it is refused before anything else (even the CSRF check).
          res = await c.send(request(w.app) as unknown as request.SuperTest<request.Test>, 'sans-jeton');
        } else {
          const { browser, csrf } = browsers[who];
          res = await c.send(browser, await csrf('/espace/jetons'));
        }
        expect(res.status).toBe(expected);
        if (expected === 303 && who === 'anonyme') expect(res.headers.location).toMatch(/^\/connexion\?retour=%2Fespace/);
        if (expected === 403) expect(res.text).toMatch(/<h1>/);
      });
    }
  }
});
