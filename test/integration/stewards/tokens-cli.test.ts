import request from 'supertest';
import { runCli } from '../../../catalogue/cli';
import { COMMAND_LINE_ACTOR } from '../../../catalogue/accounts/types';
import { storeKindUnderTest } from '../../support/test-store';
import { bearer, createStewardsWorld, csrfOf, loginAs, type StewardsWorld } from './stewards-world';

/**
 * `opendata user add`, `opendata token create|revoke` (contract section 2), and API tokens from
 * the workspace: shown once, stored as digests, named, last use recorded, revoked with effect at
 * once; a disabled account's sessions and tokens stop at once.
 */
let w: StewardsWorld;
const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };

beforeAll(async () => {
  w = await createStewardsWorld({ datasets: false });
  process.env.DATABASE_URL = w.t.testStore.url;
  process.env.DATA_DIR = w.config.dataDir;
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await w.cleanup();
});

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { io: { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => stdin } });
  return { code, out, err };
}

const lastLine = (text: string) => text.trimEnd().split('\n').pop()!;

describe(`opendata user add (${storeKindUnderTest()})`, () => {
  it('creates a steward and the organisation on the fly, with the password from standard input', async () => {
    const r = await cli(['user', 'add', 'Marie@Vernon.test', '--org', 'ville-vernon', '--role', 'steward', '--password-stdin'], 'un mot de passe assez long\n');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Compte créé : marie@vernon.test (steward), organisation(s) : ville-vernon.');
    const orgs = await w.catalogue.accounts.organizations();
    expect(orgs.map((o) => o.slug)).toContain('ville-vernon');
    const { browser } = await loginAs(w.app, 'marie@vernon.test', 'un mot de passe assez long');
    await browser.get('/espace').expect(200);
  });

  it('prints a provisional password once without --password-stdin, adds an organisation to an existing account', async () => {
    const r = await cli(['user', 'add', 'paul@eure.test', '--org', 'departement-eure', '--role', 'admin']);
    expect(r.code).toBe(0);
    const password = lastLine(r.out);
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    await loginAs(w.app, 'paul@eure.test', password);
    const again = await cli(['user', 'add', 'paul@eure.test', '--org', 'ville-vernon', '--role', 'admin']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('organisation(s) departement-eure, ville-vernon');
    await loginAs(w.app, 'paul@eure.test', password);
  });

  it('exits 2 with a French message on a bad role, a bad e-mail, a short password, a role clash', async () => {
    for (const [args, stdin, message] of [
      [['user', 'add', 'x@eure.test', '--org', 'a', '--role', 'chef'], '', /Rôle « chef » inconnu/],
      [['user', 'add', 'pas-une-adresse', '--org', 'a', '--role', 'steward'], '', /adresse électronique valide/],
      [['user', 'add', 'court@eure.test', '--org', 'a', '--role', 'steward', '--password-stdin'], 'court\n', /au moins 12 caractères/],
      [['user', 'add', 'paul@eure.test', '--org', 'a', '--role', 'steward'], '', /existe déjà avec le rôle « admin »/],
      [['user', 'add', 'y@eure.test', '--org', 'Pas Un Slug', '--role', 'steward'], '', /identifiant d’organisation valide/],
      [['user', 'add', 'z@eure.test', '--role', 'steward'], '', /--org/],
    ] as Array<[string[], string, RegExp]>) {
      const r = await cli(args, stdin);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('opendata token create / revoke', () => {
  it('prints the token alone on the last line, once; it works at once, its last use is recorded; revoked, it is refused at once', async () => {
    await cli(['user', 'add', 'script@eure.test', '--org', 'departement-eure', '--role', 'steward']);
    const r = await cli(['token', 'create', 'script@eure.test', '--name', 'import-nocturne']);
    expect(r.code).toBe(0);
    const token = lastLine(r.out);
    expect(token).toMatch(/^odt_[A-Za-z0-9_-]{43}$/);
    expect(r.out.split('\n').filter((l) => l.includes(token))).toEqual([token]);
    const stored = await w.catalogue.store.knex('api_tokens').where({ name: 'import-nocturne' }).first();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    expect(stored.last_used_at).toBeNull();

    await request(w.app).post('/api/v1/datasets').set(bearer(token)).send({ title: 'Créé par script', description: 'x', organization: 'departement-eure', licence: 'etalab-2.0', schema: { type: 'object', properties: { a: { type: 'string' } } } }).expect(201);
    expect((await w.catalogue.store.knex('api_tokens').where({ name: 'import-nocturne' }).first()).last_used_at).not.toBeNull();

    expect((await cli(['token', 'create', 'script@eure.test', '--name', 'import-nocturne'])).code).toBe(2);
    expect((await cli(['token', 'create', 'personne@eure.test'])).code).toBe(2);
    const revoked = await cli(['token', 'revoke', 'import-nocturne']);
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.out).toContain('Jeton « import-nocturne » révoqué.');
    const refused = await request(w.app).patch('/api/v1/datasets/cree-par-script').set(bearer(token)).send({ title: 'Encore moi' }).expect(401);
    expect(refused.body.detail).toMatch(/révoqué/);
    expect((await cli(['token', 'revoke', 'import-nocturne'])).code).toBe(2);
    expect((await cli(['token', 'revoke', 'nulle-part'])).code).toBe(2);
  });
});

describe('tokens from the workspace', () => {
  it('creates a token shown once, lists it by name and start only, and revokes it with effect at once', async () => {
    const { browser, csrf } = await loginAs(w.app, w.agent.email);
    const token = await csrf('/espace/jetons');
    const created = await browser.post('/espace/jetons').type('form').send({ _csrf: token, name: 'depuis le navigateur' }).expect(201);
    const secret = /id="jeton-cree" type="text" readonly value="([^"]+)"/.exec(created.text)![1];
    expect(secret).toMatch(/^odt_/);
    await request(w.app).get('/api/v1/datasets/cree-par-script/uploads').set(bearer(secret)).expect(200);
    const list = await browser.get('/espace/jetons').expect(200);
    expect(list.text).toContain('depuis le navigateur');
    expect(list.text).toContain(secret.slice(0, 8));
    expect(list.text).not.toContain(secret);
    const id = (await w.catalogue.store.knex('api_tokens').where({ name: 'depuis le navigateur' }).first()).id;
    await browser.post(`/espace/jetons/${id}/revoquer`).type('form').send({ _csrf: csrfOf(list.text) }).expect(303);
    await request(w.app).get('/api/v1/datasets/cree-par-script/uploads').set(bearer(secret)).expect(401);
  });

  it('a steward cannot revoke another account’s token; an administrator can', async () => {
    const { token, record } = await w.catalogue.accounts.tokens.create(COMMAND_LINE_ACTOR, w.other.account.id, 'jeton-de-l-autre');
    const steward = await loginAs(w.app, w.agent.email);
    const csrf = await steward.csrf('/espace/jetons');
    await steward.browser.post(`/espace/jetons/${record.id}/revoquer`).type('form').send({ _csrf: csrf }).expect(404);
    await request(w.app).get('/api/v1/datasets/cree-par-script').set(bearer(token)).expect(200);
    const admin = await loginAs(w.app, w.admin.email);
    const page = await admin.browser.get(`/espace/admin/comptes/${w.other.account.id}`).expect(200);
    expect(page.text).toContain('jeton-de-l-autre');
    await admin.browser.post(`/espace/jetons/${record.id}/revoquer`).type('form').send({ _csrf: csrfOf(page.text), retour: 'admin' }).expect(303);
    await request(w.app).get('/api/v1/datasets/cree-par-script/uploads').set(bearer(token)).expect(401);
  });

  it('disabling an account ends its sessions and stops its tokens at once', async () => {
    const { account } = await w.catalogue.accounts.add(COMMAND_LINE_ACTOR, { email: 'bientot-parti@eure.test', role: 'steward', organizations: ['departement-eure'], password: 'un mot de passe assez long' });
    const { token } = await w.catalogue.accounts.tokens.create(COMMAND_LINE_ACTOR, account.id, 'jeton-parti');
    const session = await loginAs(w.app, 'bientot-parti@eure.test', 'un mot de passe assez long');
    await request(w.app).get('/api/v1/datasets/cree-par-script/uploads').set(bearer(token)).expect(200);
    const admin = await loginAs(w.app, w.admin.email);
    const page = await admin.browser.get(`/espace/admin/comptes/${account.id}`).expect(200);
    await admin.browser.post(`/espace/admin/comptes/${account.id}`).type('form')
      .send({ _csrf: csrfOf(page.text), role: 'steward', organizations: 'departement-eure', disabled: 'oui' }).expect(303);
    await session.browser.get('/espace').expect(303);
    await request(w.app).get('/api/v1/datasets/cree-par-script/uploads').set(bearer(token)).expect(401);
    const journal = await w.catalogue.audit.list(COMMAND_LINE_ACTOR, { action: 'account.update' });
    expect(journal.events[0]).toMatchObject({ actor: w.admin.email, via: 'session', target: 'bientot-parti@eure.test', ip: expect.stringMatching(/127\.0\.0\.1/) });
  });
});
