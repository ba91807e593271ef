import { openStatementRunner } from '../../../catalogue/query/read-pool/open-runner';
import { parseRecordsParams } from '../../../catalogue/query/parse-params';
import type { StatementRunner } from '../../../catalogue/query/statement-runner';
import { runRecordsQuery } from '../../../catalogue/query/run-query';
import { streamRecords } from '../../../catalogue/query/stream-records';
import { createTargetResolver } from '../../../catalogue/query/version-target';
import type { QueryParams } from '../../../catalogue/records';
import type { TestCatalogue } from '../../support/test-catalogue';
import { generateRows, type SourceRow } from './eure-dataset';
import { useLoadedEureDataset } from './loaded-eure-dataset';
import { comparator, fetchAll, idsOf, type Key } from './expected';

/**
 * Sorting, keyset pages, offsets, totals and streaming, against orders computed in JS from the
 * source rows (NULL smallest, ties broken by row number).
 */
const rows = generateRows();
let t: TestCatalogue;
useLoadedEureDataset(rows, (loaded) => ({ t } = loaded));

const sorted = (keys: Array<[Key, 'asc' | 'desc']>, keep: (r: SourceRow) => boolean = () => true) =>
  idsOf(rows.filter(keep).sort(comparator(keys)));

describe('sort and keyset pages', () => {
  const sorts: Array<[string, Array<[Key, 'asc' | 'desc']>]> = [
    ['-montant', [['montant', 'desc']]],
    ['montant', [['montant', 'asc']]],
    ['categorie,-date_decision', [['categorie', 'asc'], ['date_decision', 'desc']]],
    ['-signe,commune,-montant', [['signe', 'desc'], ['commune', 'asc'], ['montant', 'desc']]],
    ['-date_decision,-categorie,beneficiaires', [['date_decision', 'desc'], ['categorie', 'desc'], ['beneficiaires', 'asc']]],
  ];

  it.each(sorts)('_sort=%s: pages 1..N concatenated are the whole sorted list, no duplicate, no gap', async (sort, keys) => {
    const { records, pages } = await fetchAll(t.catalogue.records, 'subventions', { _sort: sort, _size: '137', _select: 'id' });
    expect(idsOf(records)).toEqual(sorted(keys));
    expect(pages).toBe(Math.ceil(rows.length / 137));
  });

  it('with a filter, and a last page exactly full has no next', async () => {
    const keep = (r: SourceRow) => r.categorie === 'Sport';
    const want = sorted([['montant', 'desc']], keep);
    const size = String(want.length);
    const page = await t.catalogue.records.query('subventions', { categorie: 'Sport', _sort: '-montant', _size: size, _select: 'id' });
    expect(idsOf(page.records)).toEqual(want);
    expect(page.next).toBeNull();
    const paged = await fetchAll(t.catalogue.records, 'subventions', { categorie: 'Sport', _sort: '-montant', _size: '50', _select: 'id' });
    expect(idsOf(paged.records)).toEqual(want);
  });

  it('default order is the file order', async () => {
    const page = await t.catalogue.records.query('subventions', { _size: '5', _select: 'id,commune' });
    expect(page.records).toEqual(rows.slice(0, 5).map((r) => ({ id: r.id, commune: r.commune })));
  });

  it('_offset pages the same order', async () => {
    const page = await t.catalogue.records.query('subventions', { _sort: '-montant,commune', _offset: '150', _size: '50', _select: 'id' });
    expect(idsOf(page.records)).toEqual(sorted([['montant', 'desc'], ['commune', 'asc']]).slice(150, 200));
    // A cursor from an offset page goes on from there.
    const next = await t.catalogue.records.query('subventions', { _sort: '-montant,commune', _size: '50', _select: 'id', _next: page.next! });
    expect(idsOf(next.records)).toEqual(sorted([['montant', 'desc'], ['commune', 'asc']]).slice(200, 250));
  });

  it('records are the fields only, typed the same on both stores', async () => {
    const page = await t.catalogue.records.query('subventions', { id: rows[3].id });
    const { n, ...fields } = rows[3];
    void n;
    expect(page.records).toEqual([fields]);
    expect(page.fields.map((f) => [f.name, f.type])).toEqual([
      ['id', 'string'], ['commune', 'string'], ['code_insee', 'string'], ['categorie', 'string'], ['objet', 'string'], ['montant', 'number'],
      ['beneficiaires', 'integer'], ['date_decision', 'date'], ['signe', 'boolean'], ['latitude', 'number'], ['longitude', 'number'],
    ]);
  });
});

describe('totals', () => {
  it('the stored row count without filters, COUNT(*) with, null with _count=false', async () => {
    expect((await t.catalogue.records.query('subventions', { _size: '1' })).total_count).toBe(rows.length);
    expect((await t.catalogue.records.query('subventions', { _size: '1', signe: 'true' })).total_count).toBe(rows.filter((r) => r.signe === true).length);
    const page = await t.catalogue.records.query('subventions', { _size: '3', _count: 'false', signe: 'true' });
    expect(page.total_count).toBeNull();
    expect(page.records).toHaveLength(3);
  });

  it('_size=0 gives the total alone', async () => {
    const page = await t.catalogue.records.query('subventions', { _size: '0', commune: 'Gisors' });
    expect(page).toMatchObject({ records: [], next: null, total_count: rows.filter((r) => r.commune === 'Gisors').length });
  });
});

/** A runner (the read pool's on SQLite) that counts the statements it runs. */
function counting(runner: StatementRunner) {
  const counter = { statements: 0 };
  const wrapped: StatementRunner = {
    ...runner,
    withBudget: (budgetMs, work) => runner.withBudget(budgetMs, (session) => work({
      run: (query) => {
        counter.statements += 1;
        return session.run(query);
      },
    })),
  };
  return { wrapped, counter };
}

describe('totals without COUNT(*)', () => {
  async function statementsFor(params: QueryParams) {
    const target = await createTargetResolver(t.catalogue.store).resolve('subventions');
    const runner = openStatementRunner(t.catalogue.store);
    const { wrapped, counter } = counting(runner);
    try {
      const page = await runRecordsQuery(wrapped, target, parseRecordsParams(params, target.fields), 10_000);
      return { page, statements: counter.statements };
    } finally {
      await runner.close();
    }
  }
  const gisors = rows.filter((r) => r.commune === 'Gisors').length;

  it('a page holding the last match gives the total itself', async () => {
    expect(await statementsFor({ commune: 'Gisors', _size: '1000' })).toMatchObject({ statements: 1, page: { total_count: gisors } });
    expect(await statementsFor({ commune: 'Gisors', _size: '1000', _offset: '10' })).toMatchObject({ statements: 1, page: { total_count: gisors } });
    expect(await statementsFor({ commune: 'Nulle-Part', _size: '5' })).toMatchObject({ statements: 1, page: { total_count: 0 } });
  });

  it('a full page, a page past the end, or a cursor page still count', async () => {
    expect(await statementsFor({ commune: 'Gisors', _size: '10' })).toMatchObject({ statements: 2, page: { total_count: gisors } });
    expect(await statementsFor({ commune: 'Gisors', _size: '10', _offset: '5000' })).toMatchObject({ statements: 2, page: { total_count: gisors, records: [] } });
    const first = await t.catalogue.records.query('subventions', { commune: 'Gisors', _size: '10' });
    expect(await statementsFor({ commune: 'Gisors', _size: '1000', _next: first.next! })).toMatchObject({ statements: 2, page: { total_count: gisors } });
  });

  it('groups: a short page of groups is all of them', async () => {
    const communes = new Set(rows.map((r) => r.commune)).size;
    expect(await statementsFor({ _group_by: 'commune' })).toMatchObject({ statements: 1, page: { total_count: communes } });
    expect(await statementsFor({ _group_by: 'commune', _size: '3' })).toMatchObject({ statements: 2, page: { total_count: communes } });
    expect(await statementsFor({ _group_by: 'commune', _size: '3', _offset: '13' })).toMatchObject({ statements: 1, page: { total_count: communes } });
  });
});

describe('stream', () => {
  async function collect(params: QueryParams, chunkRows: number) {
    const target = await createTargetResolver(t.catalogue.store).resolve('subventions');
    const query = parseRecordsParams(params, target.fields);
    const runner = openStatementRunner(t.catalogue.store);
    const { wrapped, counter } = counting(runner);
    try {
      const stream = streamRecords(wrapped, target, query, { budgetMs: 10_000, chunkRows });
      const out: Array<Record<string, unknown>> = [];
      for await (const row of stream.rows) out.push(row);
      return { out, selects: counter.statements };
    } finally {
      await runner.close();
    }
  }

  it('yields every matching row, in order, one keyset chunk per statement', async () => {
    const keep = (r: SourceRow) => r.montant !== null && r.montant >= 1000;
    const { out, selects } = await collect({ montant__gte: '1000', _sort: '-date_decision', _select: 'id,date_decision' }, 300);
    const want = sorted([['date_decision', 'desc']], keep);
    expect(idsOf(out)).toEqual(want);
    expect(Object.keys(out[0])).toEqual(['id', 'date_decision']);
    expect(selects).toBe(Math.max(1, Math.ceil(want.length / 300)));
  });

  it('through the service: no row cap, _size ignored', async () => {
    const stream = await t.catalogue.records.stream('subventions', { _sort: 'commune', _size: '10' });
    expect(stream).toMatchObject({ dataset: 'subventions', version: 1, geo: { latitude: 'latitude', longitude: 'longitude' } });
    const ids: unknown[] = [];
    for await (const row of stream.rows) ids.push(row.id);
    expect(ids).toEqual(sorted([['commune', 'asc']]));
  });
});

describe('bad requests are collected, each naming its parameter', () => {
  it('limits, unknown names, incompatible parameters', async () => {
    const error = await t.catalogue.records.query('subventions', {
      _size: '5000', _offset: '20000', _next: 'abc', _bogus: '1', montant__near: '5', ville: 'Évreux', _sort: 'population',
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'bad-request', message: 'Paramètres invalides' });
    const paths = (error.details as Array<{ path: string }>).map((d) => d.path).sort();
    expect(paths).toEqual(['_bogus', '_next', '_next', '_offset', '_size', '_sort', 'montant__near', 'ville'].sort());
    const text = JSON.stringify(error.details);
    expect(text).toContain('opérateurs : exact');
    expect(text).toContain('colonnes disponibles : id, commune');
    expect(text).toContain('entre 0 et 1000');
  });

  it('a cursor made for another sort is refused', async () => {
    const page = await t.catalogue.records.query('subventions', { _sort: '-montant', _size: '5' });
    await expect(t.catalogue.records.query('subventions', { _sort: 'commune,montant', _next: page.next! })).rejects.toMatchObject({ code: 'bad-request' });
  });
});
