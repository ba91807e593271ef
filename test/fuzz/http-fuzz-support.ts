import http from 'node:http';
import querystring from 'node:querystring';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { PUBLISHED, readSource, UNPUBLISHED, type ApiWorld } from '../integration/api/api-fixture';
import type { TestCatalogue } from '../support/test-catalogue';

/**
 * What the HTTP fuzz tests share: the fixture datasets' fields (read from their folders, not from
 * the store), query strings built from (name, value) pairs, the answer checks, and a snapshot of
 * the store to show that a request changed nothing.
 */
export const DATASET_FIELDS: Record<string, string[]> = Object.fromEntries(
  [...PUBLISHED, ...UNPUBLISHED].map((slug) => [slug, Object.keys(readSource(slug).schema.properties)]),
);

export const SLUGS = [...PUBLISHED, ...UNPUBLISHED];

/**
 * The app listening once on an ephemeral port for a whole test file: supertest given the app
 * itself would start and stop a server for every request, most of the cost of a small request.
 */
export function listenOnce(app: ApiWorld['app']): Promise<http.Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export function closeServer(server: http.Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** `a=1&b=2`, every name and value percent-encoded (a lone surrogate goes as U+FFFD, as UTF-8 cannot carry it). */
export function queryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join('&');
}

/** Query-string pieces a broken client sends as they are: bad percent-escapes, invalid UTF-8, NUL, empty pairs. */
export const rawQueryPiece = fc.constantFrom(
  '%', '%ZZ', '%FF%FE=1', '_where=%FF', '_sort=%ED%A0%80', 'a=%00', '&&&', '=', '==', '_size', '_size=', '_where=%27', '_q=%C3',
  '_facet=%00&_facet=', 'x[y]=1', '_select[]=commune', '__proto__=1', 'constructor=1', 'hasOwnProperty=1',
);

/** Query strings: encoded pairs, with now and then a raw piece appended. */
export function queryOf(pairs: fc.Arbitrary<Array<[string, string]>>): fc.Arbitrary<{ names: string[]; query: string }> {
  return fc.tuple(pairs, fc.option(rawQueryPiece, { freq: 5 })).map(([list, raw]) => {
    const names = list.map(([name]) => wellFormed(name));
    // Decoded as express's query parser (node:querystring) decodes them.
    const rawNames = raw ? raw.split('&').map((piece) => querystring.unescape(piece.split('=')[0])) : [];
    return { names: [...names, ...rawNames], query: [queryString(list), raw].filter(Boolean).join('&') };
  });
}

/** A path segment or query component, percent-encoded; a lone surrogate goes as U+FFFD. */
export function encodeComponent(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

function wellFormed(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * Never a 5xx; a 400 is problem+json whose `errors` name parameters that were sent (or the path's
 * own parameters, `n` or `format`), or, with no list, a detail that says what could not be read.
 */
export function expectClientAnswer(res: Response, sentNames: readonly string[]): void {
  if (res.status >= 500) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body ?? res.text).slice(0, 500)}`);
  if (res.status !== 400) return;
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 400, code: 'bad-request', detail: expect.any(String) });
  const errors: Array<{ path?: string; message: string }> = res.body.errors ?? [];
  if (errors.length === 0) return;
  const allowed = new Set([...sentNames, 'n', 'format']);
  expect(errors.some((e) => e.path !== undefined && allowed.has(e.path))).toBe(true);
}

export interface StoreSnapshot {
  tables: string[];
  rows: Record<string, number>;
}

/**
 * Every table of the store and its row count. SQLite's virtual tables (a contentless FTS5 index,
 * an R*Tree) cannot be scanned: their shadow tables, listed too, are counted instead.
 */
export async function snapshotStore(t: TestCatalogue): Promise<StoreSnapshot> {
  const { knex, dialect, kind } = t.testStore.store;
  const tables = (await dialect.listTables(knex)).sort();
  const virtual: Array<{ name: string }> = kind === 'sqlite'
    ? await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    : [];
  const unscannable = new Set(virtual.map((v) => v.name));
  const rows: Record<string, number> = {};
  for (const table of tables.filter((name) => !unscannable.has(name))) {
    const [{ count }] = await knex(table).count({ count: '*' });
    rows[table] = Number(count);
  }
  return { tables, rows };
}
