import type { TestCatalogue } from '../../support/test-catalogue';
import { generateRows, type SourceRow } from './eure-dataset';
import { useLoadedEureDataset } from './loaded-eure-dataset';
import { sum } from './expected';

/** Facets and groups, against counts and sums computed in JS from the source rows. */
const rows = generateRows();
let t: TestCatalogue;
useLoadedEureDataset(rows, (loaded) => ({ t } = loaded));

/** Top values by count, then value; empty cells left out. */
function topValues<K extends keyof SourceRow>(keep: (r: SourceRow) => boolean, key: K, size: number) {
  const counts = new Map<unknown, number>();
  for (const row of rows.filter(keep)) if (row[key] !== null) counts.set(row[key], (counts.get(row[key]) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1))
    .slice(0, size)
    .map(([value, count]) => ({ value, count }));
}

describe('facets', () => {
  it('top values and counts under the current filters, 10 by default', async () => {
    const keep = (r: SourceRow) => r.montant !== null && r.montant > 2000;
    const page = await t.catalogue.records.query('subventions', { montant__gt: '2000', _facet: ['commune', 'categorie'], _size: '0' });
    expect(page.facets).toEqual({ commune: topValues(keep, 'commune', 10), categorie: topValues(keep, 'categorie', 10) });
  });

  it('_facet_size, comma lists, booleans and dates decoded', async () => {
    const keep = (r: SourceRow) => r.commune === 'Évreux';
    const page = await t.catalogue.records.query('subventions', { commune: 'Évreux', _facet: 'signe,date_decision', _facet_size: '3', _size: '0' });
    expect(page.facets).toEqual({ signe: topValues(keep, 'signe', 3), date_decision: topValues(keep, 'date_decision', 3) });
  });

  it('_facet_size above 100 is refused', async () => {
    await expect(t.catalogue.records.query('subventions', { _facet: 'commune', _facet_size: '101' })).rejects.toMatchObject({
      code: 'bad-request', details: [{ path: '_facet_size' }],
    });
  });
});

describe('_group_by and _agg', () => {
  const close = (a: unknown, b: number | null) => (b === null ? a === null : Math.abs((a as number) - b) <= 1e-6 * Math.max(1, Math.abs(b)));

  it('count, sum, avg, min, max per group (empty group first), under a filter', async () => {
    const keep = (r: SourceRow) => r.signe === true;
    const page = await t.catalogue.records.query('subventions', {
      signe: 'true', _group_by: 'categorie', _agg: 'count,sum:montant,avg:montant,min:date_decision,max:date_decision',
    });
    const groups = new Map<string | null, SourceRow[]>();
    for (const row of rows.filter(keep)) groups.set(row.categorie, [...(groups.get(row.categorie) ?? []), row]);
    const keys = [...groups.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
    expect(page.groups!.map((g) => g.categorie)).toEqual(keys);
    expect(page.total_count).toBe(keys.length);
    expect(page.records).toEqual([]);
    for (const [i, key] of keys.entries()) {
      const members = groups.get(key)!;
      const amounts = members.map((r) => r.montant).filter((m): m is number => m !== null);
      const dates = members.map((r) => r.date_decision).filter((d): d is string => d !== null).sort();
      const group = page.groups![i];
      expect(group.count).toBe(members.length);
      expect(close(group.sum_montant, sum(amounts))).toBe(true);
      expect(close(group.avg_montant, sum(amounts) / amounts.length)).toBe(true);
      expect(group).toMatchObject({ min_date_decision: dates[0], max_date_decision: dates[dates.length - 1] });
    }
  });

  it('two group columns, sorted by an aggregate, paged with _size and _offset', async () => {
    const totals = new Map<string, { commune: string; signe: boolean | null; count: number }>();
    for (const row of rows) {
      const key = `${row.commune}|${row.signe}`;
      const entry = totals.get(key) ?? { commune: row.commune, signe: row.signe, count: 0 };
      entry.count++;
      totals.set(key, entry);
    }
    const rank = (v: boolean | null) => (v === null ? 0 : v ? 2 : 1);
    const want = [...totals.values()].sort((a, b) => b.count - a.count || (a.commune < b.commune ? -1 : a.commune > b.commune ? 1 : rank(a.signe) - rank(b.signe)));
    const page = await t.catalogue.records.query('subventions', { _group_by: 'commune,signe', _sort: '-count', _size: '10', _offset: '5' });
    expect(page.groups).toEqual(want.slice(5, 15));
    expect(page.total_count).toBe(want.length);
  });

  it('_agg without _group_by is one group over the filtered rows', async () => {
    const amounts = rows.filter((r) => r.commune === 'Vernon').map((r) => r.montant);
    const page = await t.catalogue.records.query('subventions', { commune: 'Vernon', _agg: 'count,sum:montant,max:montant' });
    expect(page.groups).toHaveLength(1);
    expect(page.groups![0].count).toBe(amounts.length);
    expect(close(page.groups![0].sum_montant, sum(amounts))).toBe(true);
    expect(page.groups![0].max_montant).toBe(Math.max(...amounts.filter((a): a is number => a !== null)));
  });

  it('sum and avg only on numeric columns; unknown aggregates are refused', async () => {
    const error = await t.catalogue.records.query('subventions', { _group_by: 'categorie', _agg: 'sum:commune,median:montant,max:signe' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'bad-request' });
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(['_agg', '_agg', '_agg']);
    expect(error.details[0].message).toContain('colonnes numériques');
  });
});
