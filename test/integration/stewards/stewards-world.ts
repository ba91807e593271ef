import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Catalogue } from '../../../catalogue';
import { COMMAND_LINE_ACTOR, type Account } from '../../../catalogue/accounts/types';
import type { Config } from '../../../catalogue/config';
import { createApp } from '../../../server/app';
import { createTestCatalogue, type TestCatalogue } from '../../support/test-catalogue';

/**
 * The stewards' tests' world: a fresh store (SQLite, or PostgreSQL with TEST_DATABASE_URL), three
 * accounts (an administrator, a steward of the Département, a steward of Évreux) with passwords
 * and API tokens, and two datasets built through the public pipeline (create, then upload).
 */
export const PASSWORD = 'correct horse battery staple';
export const TEST_SECRET = 'secret-de-session-des-tests-0123456789abcdef';

export const COMMUNES_SCHEMA = {
  type: 'object',
  properties: {
    code_insee: { type: 'string', title: 'Code INSEE', pattern: '^[0-9]{5}$' },
    commune: { type: 'string', title: 'Commune', minLength: 1 },
    population: { type: 'integer', title: 'Population', minimum: 0 },
    superficie: { type: 'number', title: 'Superficie (km²)', 'x-decimalChar': ',' },
  },
  required: ['code_insee', 'commune', 'population'],
  'x-primaryKey': ['code_insee'],
};

export const COMMUNES_V1 = 'code_insee;commune;population;superficie\n27229;Évreux;46707;26,44\n27681;Vernon;23557;35,14\n27375;Louviers;18240;27,07\n';
/** v2: Vernon's population changed, Louviers removed, Bernay added. */
export const COMMUNES_V2 = 'code_insee;commune;population;superficie\n27229;Évreux;46707;26,44\n27681;Vernon;24000;35,14\n27056;Bernay;10000;23,9\n';
export const COMMUNES_INVALID = 'code_insee;commune;population;superficie\n27229;Évreux;beaucoup;26,44\n2768;Vernon;-5;35,14\n';

export const PARKINGS_SCHEMA = {
  type: 'object',
  properties: { id: { type: 'string' }, nom: { type: 'string' }, places: { type: 'integer', minimum: 0 } },
  required: ['id', 'nom'],
  'x-primaryKey': ['id'],
};
export const PARKINGS_V1 = 'id,nom,places\nP1,Parking de la gare,120\nP2,Parking du centre,80\n';

export interface Person {
  account: Account;
  email: string;
  token: string;
}

export interface StewardsWorld {
  t: TestCatalogue;
  catalogue: Catalogue;
  config: Config;
  app: ReturnType<typeof createApp>;
  admin: Person;
  /** Steward of departement-eure (owns communes-eure). */
  agent: Person;
  /** Steward of ville-evreux (owns parkings-evreux). */
  other: Person;
  tmp: string;
  writeFile(name: string, content: string | Buffer): string;
  appWith(overrides: Partial<Config>): ReturnType<typeof createApp>;
  cleanup(): Promise<void>;
}

async function person(catalogue: Catalogue, email: string, role: 'admin' | 'steward', organizations: string[]): Promise<Person> {
  const { account } = await catalogue.accounts.add(COMMAND_LINE_ACTOR, { email, role, organizations, password: PASSWORD });
  const { token } = await catalogue.accounts.tokens.create(COMMAND_LINE_ACTOR, account.id, `jeton-${email.replace(/[@.]/g, '-')}`);
  return { account, email, token };
}

export async function createStewardsWorld(options: { datasets?: boolean; config?: Partial<Config> } = {}): Promise<StewardsWorld> {
  const t = await createTestCatalogue();
  const { catalogue } = t;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-stewards-'));
  const writeFile = (name: string, content: string | Buffer) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const admin = await person(catalogue, 'admin@eure.test', 'admin', ['departement-eure']);
  const agent = await person(catalogue, 'agent@eure.test', 'steward', ['departement-eure']);
  const other = await person(catalogue, 'agent@evreux.test', 'steward', ['ville-evreux']);
  if (options.datasets !== false) {
    const actor = catalogue.accounts.actorFor(admin.account, 'token', null);
    await catalogue.stewards.create(actor, {
      metadata: { slug: 'communes-eure', title: 'Communes de l’Eure', description: 'Population des communes (fictif).', organization: 'departement-eure', licence: 'etalab-2.0' },
      schema: COMMUNES_SCHEMA,
    });
    await catalogue.stewards.uploads.upload(actor, 'communes-eure', { path: writeFile('communes-v1.csv', COMMUNES_V1), name: 'communes-v1.csv' });
    await catalogue.stewards.create(actor, {
      metadata: { slug: 'parkings-evreux', title: 'Parkings d’Évreux', description: 'Parkings publics (fictif).', organization: 'ville-evreux', licence: 'ODbL-1.0' },
      schema: PARKINGS_SCHEMA,
    });
    await catalogue.stewards.uploads.upload(actor, 'parkings-evreux', { path: writeFile('parkings-v1.csv', PARKINGS_V1), name: 'parkings-v1.csv' });
  }
  const config: Config = { ...catalogue.config, sessionSecret: TEST_SECRET, ...options.config };
  return {
    t, catalogue, config, admin, agent, other, tmp, writeFile,
    app: createApp({ catalogue, config }),
    appWith: (overrides) => createApp({ catalogue, config: { ...config, ...overrides } }),
    async cleanup() {
      await t.cleanup();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The CSRF token of the first form of a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

export type Browser = ReturnType<typeof request.agent>;

/** A browser (cookie jar) logged in as `email`; `csrf(path)` reads a form's token from a page. */
export async function loginAs(app: Parameters<typeof request.agent>[0], email: string, password = PASSWORD) {
  const browser = request.agent(app);
  const page = await browser.get('/connexion').expect(200);
  await browser.post('/connexion').type('form').send({ _csrf: csrfOf(page.text), email, password, retour: '/espace' }).expect(303);
  return {
    browser,
    async csrf(pagePath = '/espace'): Promise<string> {
      return csrfOf((await browser.get(pagePath).expect(200)).text);
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
