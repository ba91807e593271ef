import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { openCatalogue } from '../../../catalogue';
import { COMMAND_LINE_ACTOR } from '../../../catalogue/accounts/types';
import { createApp } from '../../../server/app';
import { storeKindUnderTest } from '../../support/test-store';
import { bearer, COMMUNES_V1, createStewardsWorld, csrfOf, loginAs, PASSWORD, type StewardsWorld } from './stewards-world';

/**
 * Sessions (server-side, in the store), cookies, login, logout, expiry, CSRF on every form and on
 * cookie-authenticated API writes, login rate limits and account locks.
 */
let w: StewardsWorld;
beforeAll(async () => {
  w = await createStewardsWorld();
});
afterAll(async () => w.cleanup());

const cookieOf = (res: request.Response, name: string): string | undefined =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));

async function loginResponse(app: Parameters<typeof request.agent>[0], email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const browser = request.agent(app);
  const page = await browser.get('/connexion').set(headers).expect(200);
  const res = await browser.post('/connexion').set(headers).type('form').send({ _csrf: csrfOf(page.text), email, password });
  return { browser, res };
}

describe(`login, cookies and logout (${storeKindUnderTest()})`, () => {
  it('sets an HttpOnly, SameSite=Lax session cookie (no Secure over plain HTTP) and goes back where asked', async () => {
    const browser = request.agent(w.app);
    const first = await browser.get('/espace/jeux/communes-eure').expect(303);
    expect(first.headers.location).toBe('/connexion?retour=%2Fespace%2Fjeux%2Fcommunes-eure');
    const page = await browser.get(first.headers.location).expect(200);
    expect(page.text).toContain('value="/espace/jeux/communes-eure"');
    const res = await browser.post('/connexion').type('form').send({ _csrf: csrfOf(page.text), email: 'AGENT@eure.test ', password: PASSWORD, retour: '/espace/jeux/communes-eure' }).expect(303);
    expect(res.headers.location).toBe('/espace/jeux/communes-eure');
    const cookie = cookieOf(res, 'opendata.sid')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookieOf(page, 'opendata.csrf')).toMatch(/HttpOnly/);
    await browser.get('/espace/jeux/communes-eure').expect(200).expect('Cache-Control', 'no-store');
  });

  it('marks cookies Secure behind HTTPS: through a trusted proxy, and with a __Host- name when BASE_URL is https', async () => {
    const proxied = await loginResponse(w.app, w.agent.email, PASSWORD, { 'X-Forwarded-Proto': 'https' });
    expect(proxied.res.status).toBe(303);
    expect(cookieOf(proxied.res, 'opendata.sid')).toMatch(/; Secure/);
    // Secure cookies are not sent back over plain HTTP by the test client: carried by hand here.
    const https = w.appWith({ baseUrl: 'https://donnees.eure.example' });
    const forwarded = { 'X-Forwarded-Proto': 'https' };
    const page = await request(https).get('/connexion').set(forwarded).expect(200);
    const csrfCookie = cookieOf(page, '__Host-opendata.csrf')!;
    expect(csrfCookie).toMatch(/; Secure/);
    const secured = await request(https).post('/connexion').set(forwarded).set('Cookie', csrfCookie.split(';')[0])
      .type('form').send({ _csrf: csrfOf(page.text), email: w.agent.email, password: PASSWORD }).expect(303);
    expect(cookieOf(secured, '__Host-opendata.sid')).toMatch(/; Secure/);
  });

  it('never follows a return address off the site', async () => {
    const browser = request.agent(w.app);
    const page = await browser.get('/connexion?retour=//evil.example/x').expect(200);
    expect(page.text).toContain('value="/espace"');
    const res = await browser.post('/connexion').type('form').send({ _csrf: csrfOf(page.text), email: w.agent.email, password: PASSWORD, retour: 'https://evil.example' }).expect(303);
    expect(res.headers.location).toBe('/espace');
  });

  it('gives a new session id at login (no fixation) and ends the old one', async () => {
    const { browser, res } = await loginResponse(w.app, w.agent.email);
    const before = cookieOf(res, 'opendata.sid')!.split(';')[0];
    const page = await browser.get('/espace').expect(200);
    const again = await browser.post('/connexion').type('form').send({ _csrf: csrfOf(page.text), email: w.agent.email, password: PASSWORD }).expect(303);
    const after = cookieOf(again, 'opendata.sid')!.split(';')[0];
    expect(after).not.toBe(before);
    await request(w.app).get('/espace').set('Cookie', before).expect(303);
    await request(w.app).get('/espace').set('Cookie', after).expect(200);
  });

  it('refuses a wrong password and an unknown e-mail with the same French message and a 401', async () => {
    const wrong = await loginResponse(w.app, w.agent.email, 'mauvais mot de passe');
    const unknown = await loginResponse(w.app, 'personne@eure.test', 'mauvais mot de passe');
    for (const { res } of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.text).toContain('Adresse électronique ou mot de passe incorrect.');
      expect(cookieOf(res, 'opendata.sid')).toBeUndefined();
    }
  });

  it('logs out: the session is destroyed in the store, its cookie no longer opens anything', async () => {
    const { browser, res } = await loginResponse(w.app, w.agent.email);
    const sid = cookieOf(res, 'opendata.sid')!.split(';')[0];
    const page = await browser.get('/espace').expect(200);
    const out = await browser.post('/deconnexion').type('form').send({ _csrf: csrfOf(page.text) }).expect(303);
    expect(out.headers.location).toBe('/connexion?deconnecte=1');
    await request(w.app).get('/espace').set('Cookie', sid).expect(303);
    const journal = await w.catalogue.audit.list(COMMAND_LINE_ACTOR, { action: 'session.logout' });
    expect(journal.events[0]).toMatchObject({ actor: w.agent.email, action: 'session.logout', via: 'session' });
  });

  it('keeps sessions in the store as digests: never the session id itself', async () => {
    const { res } = await loginResponse(w.app, w.agent.email);
    const raw = decodeURIComponent(cookieOf(res, 'opendata.sid')!.split(';')[0].split('=')[1]);
    const sid = raw.slice(2, raw.lastIndexOf('.'));
    const rows = await w.catalogue.store.knex('sessions').select('id_hash', 'data');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(sid);
  });

  it('expires a session idle past its time in the store, and one past its absolute lifetime', async () => {
    const idle = await loginAs(w.app, w.agent.email);
    await w.catalogue.store.knex('sessions').update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    await idle.browser.get('/espace').expect(303);
    const old = await loginAs(w.app, w.agent.email);
    const rows = await w.catalogue.store.knex('sessions').select('id_hash', 'data');
    for (const row of rows) {
      const data = JSON.parse(row.data);
      data.loginAt = new Date(Date.now() - 13 * 3600_000).toISOString();
      await w.catalogue.store.knex('sessions').where({ id_hash: row.id_hash }).update({ data: JSON.stringify(data) });
    }
    await old.browser.get('/espace').expect(303);
  });
});

describe('CSRF', () => {
  it('refuses a form without its token, with a wrong one, or with another session’s: 403', async () => {
    const { browser, csrf } = await loginAs(w.app, w.agent.email);
    const other = await loginAs(w.app, w.admin.email);
    const foreign = await other.csrf();
    const fields = { title: 'Communes de l’Eure', description: 'Piraté', organization: 'departement-eure', licence: 'etalab-2.0' };
    for (const token of [undefined, 'faux.jeton', foreign]) {
      const res = await browser.post('/espace/jeux/communes-eure/metadonnees').type('form').send({ ...fields, ...(token ? { _csrf: token } : {}) });
      expect(res.status).toBe(403);
      expect(res.text).toContain('jeton de sécurité');
    }
    const multipart = await browser.post('/espace/jeux/communes-eure/envois').field('action', 'publier').attach('file', Buffer.from(COMMUNES_V1), 'c.csv');
    expect(multipart.status).toBe(403);
    await browser.post('/deconnexion').type('form').send({}).expect(403);
    // The token is read first: the agent attaches its cookies when a request is made.
    const token = await csrf();
    const page = await browser.post('/espace/jeux/communes-eure/metadonnees').type('form').send({ ...fields, description: 'Légitime', _csrf: token });
    expect(page.status).toBe(303);
    expect((await request(w.app).get('/api/v1/datasets/communes-eure').expect(200)).body.description).toBe('Légitime');
  });

  it('refuses the login form without a token', async () => {
    await request(w.app).post('/connexion').type('form').send({ email: w.agent.email, password: PASSWORD }).expect(403);
  });

  it('asks X-CSRF-Token on API writes made with the session cookie, never with a Bearer token', async () => {
    const { browser, csrf } = await loginAs(w.app, w.agent.email);
    await browser.patch('/api/v1/datasets/communes-eure').send({ keywords: ['a'] }).expect(403);
    await browser.patch('/api/v1/datasets/communes-eure').set('X-CSRF-Token', 'faux').send({ keywords: ['a'] }).expect(403);
    const token = await csrf();
    await browser.patch('/api/v1/datasets/communes-eure').set('X-CSRF-Token', token).send({ keywords: ['b'] }).expect(200);
    await browser.get('/api/v1/datasets/communes-eure/uploads').expect(200);
    await request(w.app).patch('/api/v1/datasets/communes-eure').set(bearer(w.agent.token)).send({ keywords: ['c'] }).expect(200);
  });
});

describe('sessions survive a restart when the store does', () => {
  it('with SESSION_SECRET, and without it (a secret kept in DATA_DIR)', async () => {
    for (const sessionSecret of [w.config.sessionSecret, null]) {
      const warnings: string[] = [];
      const spy = jest.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m));
      try {
        const config = { ...w.config, sessionSecret };
        const first = await loginAs(createApp({ catalogue: w.catalogue, config }), w.agent.email);
        const cookies = await first.browser.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
        const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
        // Another process on the same store: a new catalogue, a new app.
        const reopened = await openCatalogue(config);
        try {
          await request(createApp({ catalogue: reopened, config })).get('/espace').set('Cookie', header).expect(200);
        } finally {
          await reopened.close();
        }
        if (sessionSecret === null) {
          expect(fs.existsSync(path.join(w.config.dataDir, 'session-secret'))).toBe(true);
          expect((fs.statSync(path.join(w.config.dataDir, 'session-secret')).mode & 0o777).toString(8)).toBe('600');
        }
      } finally {
        spy.mockRestore();
      }
    }
  });
});

describe('login limits', () => {
  it('locks an account after 5 wrong passwords, even for the right one, and not the others', async () => {
    await w.catalogue.accounts.add(COMMAND_LINE_ACTOR, { email: 'verrou@eure.test', role: 'steward', organizations: ['departement-eure'], password: PASSWORD });
    const app = w.appWith({});
    for (let i = 0; i < 5; i++) await loginResponse(app, 'verrou@eure.test', 'pas le bon');
    const locked = await loginResponse(app, 'verrou@eure.test');
    expect(locked.res.status).toBe(401);
    expect(locked.res.text).toContain('verrouillé');
    expect((await loginResponse(app, w.agent.email)).res.status).toBe(303);
  });

  it('limits failed attempts per client address: the 11th within 15 minutes is a 429', async () => {
    const app = w.appWith({});
    for (let i = 0; i < 10; i++) expect((await loginResponse(app, `inconnu${i}@eure.test`, 'x')).res.status).toBe(401);
    const res = await loginResponse(app, w.agent.email);
    expect(res.res.status).toBe(429);
    expect(res.res.text).toContain('Trop de tentatives');
  });
});
