import fc from 'fast-check';
import { parseRecordsParams } from '../../../catalogue/query/parse-params';
import { DIALECTS, FIELDS, compileParams, pageSql } from './compile-helpers';

/**
 * Names from a request never reach SQL unless they are the dataset's own fields; values always
 * travel as bound parameters, whatever they hold.
 */
const NASTY = ["' OR 1=1 --", '"; DROP TABLE datasets; --', "Robert'); DROP TABLE x;--", '\\', '%_!', '?', '??', '$1', "É'vreux"];

describe.each(DIALECTS)('$name', (d) => {
  it.each(NASTY)('value %j is bound, never in the SQL text', (value) => {
    const compiled = compileParams(d, {
      commune: value, objet__contains: value, commune__in: `${value},x`, _q: value, _where: `commune = '${value.replace(/'/g, "''")}'`,
    });
    const { sql, bindings } = compiled.page!.toSQL();
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('1=1');
    expect(bindings).toContain(value);
  });

  it('any text as a filter value is a binding (property)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), (value) => {
      const { sql, bindings } = pageSql(d, { commune: value });
      expect(bindings[0]).toBe(value);
      expect(sql.split('?').length - 1).toBe(bindings.length);
    }), { numRuns: 200 });
  });
});

it.each([
  ['a filter name', { 'commune" OR 1=1 --': 'x' }],
  ['an operator', { 'commune__exact" OR "1"="1': 'x' }],
  ['_sort', { _sort: 'commune;DROP TABLE datasets' }],
  ['_select', { _select: 'commune,"x" FROM datasets --' }],
  ['_facet', { _facet: '1=1' }],
  ['_group_by', { _group_by: 'commune) FROM datasets --' }],
  ['_agg', { _agg: 'sum:population) FROM datasets --' }],
  ['a _where column', { _where: '`commune" OR 1=1 --` = 1' }],
])('%s that is not a field is refused', (_what, params) => {
  expect(() => parseRecordsParams(params, FIELDS)).toThrow(expect.objectContaining({ code: 'bad-request' }));
});

it('any parameter name is either a known name or refused (property)', () => {
  const known = new Set(['commune', 'population', 'date', 'objet', 'horodatage', 'signé', 'Montant (€)']);
  fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }), (name) => {
    let refused = false;
    try {
      parseRecordsParams({ [name]: '1' }, FIELDS);
    } catch {
      refused = true;
    }
    const [base] = name.split('__');
    expect(refused || known.has(base) || name.startsWith('_')).toBe(true);
  }), { numRuns: 300 });
});
