import { encodeCursor } from '../../../catalogue/query/cursor';
import { cursorVersion, parseRecordsParams } from '../../../catalogue/query/parse-params';
import type { QueryParams } from '../../../catalogue/records';
import { FIELDS } from './compile-helpers';

/** The query string → RecordsQuery: conversions, defaults, limits, and every problem reported at once. */
function problems(params: QueryParams, features?: { search: boolean; geo: boolean }): Array<{ path?: string; message: string }> {
  try {
    parseRecordsParams(params, FIELDS, { features });
  } catch (error) {
    expect(error).toMatchObject({ code: 'bad-request', message: 'Paramètres invalides' });
    return (error as { details: Array<{ path?: string; message: string }> }).details;
  }
  return [];
}

describe('parseRecordsParams', () => {
  it('defaults', () => {
    expect(parseRecordsParams({}, FIELDS)).toEqual({ filters: [], sort: [], facets: [], facetSize: 10, size: 20, count: true });
  });

  it('converts values to the column type', () => {
    const query = parseRecordsParams({
      'Montant (€)__gte': '12.5', population__in: '1,2', 'signé': 'Non', date: '2024-02-29', horodatage__lt: '2024-03-01T10:00:00Z', commune__isnull: 'false',
    }, FIELDS);
    expect(query.filters).toEqual([
      { field: 'Montant (€)', op: 'gte', value: 12.5 },
      { field: 'population', op: 'in', value: [1, 2] },
      { field: 'signé', op: 'exact', value: false },
      { field: 'date', op: 'exact', value: '2024-02-29' },
      { field: 'horodatage', op: 'lt', value: '2024-03-01T10:00:00Z' },
      { field: 'commune', op: 'isnull', value: false },
    ]);
  });

  it('shapes: _select, _sort, _facet (repeated and comma-separated), _size, _offset, _count, _q, _bbox', () => {
    const query = parseRecordsParams({
      _select: 'commune,population', _sort: '-population,commune', _facet: ['commune', 'signé,commune'], _facet_size: '100',
      _size: '1000', _offset: '10000', _count: 'false', _q: 'évreux', _bbox: '0.9,48.6,1.9,49.5', _delimiter: ';', _bom: 'true', _profile: 'excel-fr', _decimal: ',',
    }, FIELDS);
    expect(query).toMatchObject({
      select: ['commune', 'population'], sort: [{ field: 'population', desc: true }, { field: 'commune', desc: false }],
      facets: ['commune', 'signé'], facetSize: 100, size: 1000, offset: 10000, count: false, search: 'évreux', bbox: [0.9, 48.6, 1.9, 49.5],
    });
  });

  it('a cursor is decoded and checked against the sort', () => {
    const token = encodeCursor({ version: 3, values: [1200, null], id: 55 });
    expect(cursorVersion({ _next: token })).toBe(3);
    expect(parseRecordsParams({ _sort: '-population,date', _next: token }, FIELDS).after).toEqual({ version: 3, values: [1200, null], id: 55 });
    // A string where the sort column is a number: a forged or stale cursor.
    const forged = encodeCursor({ version: 3, values: ['1200; DROP TABLE x', null], id: 55 });
    expect(problems({ _sort: '-population,date', _next: forged })).toEqual([{ path: '_next', message: expect.stringContaining('curseur') }]);
    expect(cursorVersion({ _next: 'pas-un-curseur' })).toBeUndefined();
  });

  it('an in/notin list past 1,000 values is refused, naming the parameter (a huge list overflowed the SQL builder\'s stack)', () => {
    expect(parseRecordsParams({ commune__in: Array(1000).fill('x').join(',') }, FIELDS).filters[0].value).toHaveLength(1000);
    for (const param of ['commune__in', 'population__notin']) {
      expect(problems({ [param]: ','.repeat(100_000) })).toEqual([{ path: param, message: `${param} : liste trop longue (1 000 valeurs au plus)` }]);
    }
  });

  it('a NUL character in any value is refused, naming the parameter', () => {
    for (const param of ['commune', 'objet__contains', '_where', '_q', '_sort', '_facet']) {
      expect(problems({ [param]: 'a\0' })).toEqual([{ path: param, message: `${param} : caractère nul (U+0000) interdit dans une valeur` }]);
    }
  });

  it('a cursor value its sort column cannot hold is refused, not sent to the store (PostgreSQL answered 500)', () => {
    const refused = (sort: string, value: unknown) => problems({ _sort: sort, _next: encodeCursor({ version: 1, values: [value], id: 3 }) });
    for (const [sort, value] of [['population', 1.5], ['population', 1e300], ['date', 'zzz'], ['date', '2023-02-29'], ['horodatage', 'hier']] as const) {
      expect(refused(sort, value)).toEqual([{ path: '_next', message: expect.stringContaining('curseur') }]);
    }
    // What a page's last row really gives stays accepted.
    for (const [sort, value] of [['population', 46707], ['date', '2024-02-29'], ['horodatage', '2024-01-01T10:00:00.000Z'], ['`Montant (€)`', 12.5]] as const) {
      expect(refused(sort.replace(/`/g, ''), value)).toEqual([]);
    }
  });

  it('groups: default count, keys, sort on aggregates', () => {
    expect(parseRecordsParams({ _group_by: 'commune' }, FIELDS)).toMatchObject({ groupBy: ['commune'], aggregates: [{ fn: 'count', key: 'count' }] });
    expect(parseRecordsParams({ _group_by: 'commune', _agg: 'count,avg:population,min:date', _sort: '-avg_population' }, FIELDS)).toMatchObject({
      aggregates: [{ fn: 'count', key: 'count' }, { fn: 'avg', field: 'population', key: 'avg_population' }, { fn: 'min', field: 'date', key: 'min_date' }],
      sort: [{ field: 'avg_population', desc: true }],
    });
  });

  it('collects every problem, one detail per problem, in French, naming the parameter', () => {
    const details = problems({
      _size: '1001', _offset: '10001', _facet_size: '0', _count: 'peut-être', ville: 'Évreux', commune__near: 'x', population__gt: 'beaucoup',
      population__in: '1,deux', date__isnull: 'oui', commune__startswith: 'a', 'population__contains': '1', _select: 'inconnue', _inconnu: '1', _sort: 'x',
    });
    expect(details.map((d) => d.path)).toEqual([
      'ville', 'commune__near', 'population__gt', 'population__in', 'date__isnull', 'population__contains', '_inconnu', '_select', '_sort',
      '_size', '_offset', '_facet_size', '_count',
    ]);
    const byPath = Object.fromEntries(details.map((d) => [d.path, d.message]));
    expect(byPath.ville).toMatch(/colonne « ville » inconnue ; colonnes disponibles : commune, Montant \(€\), population/);
    expect(byPath.commune__near).toMatch(/opérateur « near » inconnu ; opérateurs : exact \(égal à/);
    expect(byPath.population__gt).toBe('population__gt : la valeur « beaucoup » ne convient pas à la colonne « population » (un nombre entier attendu)');
    expect(byPath.population__in).toContain('« deux »');
    expect(byPath.date__isnull).toContain('true ou false');
    expect(byPath.population__contains).toContain('texte');
    expect(byPath._inconnu).toMatch(/paramètre « _inconnu » inconnu ; paramètres permis : _where, _select/);
    expect(byPath._size).toContain('entre 0 et 1000');
    expect(byPath._offset).toContain('entre 0 et 10000');
  });

  it('_next and _offset together, a repeated parameter, _select with _group_by', () => {
    const token = encodeCursor({ version: 1, values: [], id: 20 });
    expect(problems({ _next: token, _offset: '5' }).map((d) => d.path)).toEqual(['_next']);
    expect(problems({ _size: ['10', '20'] }).map((d) => d.path)).toEqual(['_size']);
    expect(problems({ _group_by: 'commune', _select: 'commune' }).map((d) => d.path)).toEqual(['_select']);
  });

  it('_q and _bbox need what the table has', () => {
    expect(problems({ _q: 'x', _bbox: '0,0,1,1' }, { search: false, geo: false }).map((d) => d.path)).toEqual(['_q', '_bbox']);
    expect(problems({ _bbox: '1,0,0,1' }).map((d) => d.message)).toEqual([expect.stringContaining('minimum')]);
    expect(parseRecordsParams({ _q: '  *  ' }, FIELDS).search).toBeUndefined();
  });

  it('_where: syntax errors say "colonne N", unknown columns too', () => {
    expect(problems({ _where: "montant > 'x' AND" })).toEqual([{ path: '_where', message: expect.stringMatching(/^_where, colonne \d+ : /) }]);
    expect(problems({ _where: 'population > 5 AND ville = 1' })).toEqual([{ path: '_where', message: expect.stringMatching(/^_where, colonne 20 : colonne « ville » inconnue/) }]);
    expect(parseRecordsParams({ _where: "`Montant (€)` >= 10 AND commune LIKE 'É%'" }, FIELDS).where).toMatchObject({ type: 'and' });
  });
});
