import fc from 'fast-check';
import { encodeCursor } from '../../catalogue/query/cursor';
import { OPERATORS } from '../../catalogue/query/operators';
import { cursorVersion, parseRecordsParams, RESERVED_PARAMS } from '../../catalogue/query/parse-params';
import type { QueryParams } from '../../catalogue/records';
import { parseSearchParams, SEARCH_PARAMS } from '../../catalogue/datasets/search-params';
import { parseCsvOptions } from '../../server/render/csv-options';
import { DIALECTS, FIELDS, TABLE } from '../unit/query/compile-helpers';
import { buildRecordsQuery } from '../../catalogue/query/compile';
import { expectBadRequestNaming, fuzzRuns, hostileText, hugeText } from './fuzz-settings';

/**
 * The records query-string parser (and its neighbours: the catalogue search's parameters, the CSV
 * export's options) on random query strings: every input is either a parsed query that also
 * compiles to SQL on both dialects, or a bad-request whose details each name a parameter that was
 * sent. Any other exception would be a 500 over HTTP.
 */
const FIELD_NAMES = FIELDS.map((f) => f.name);

const paramName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FIELD_NAMES, ...RESERVED_PARAMS, '_delimiter', '_bom', '_profile', '_decimal', '_id', '__', '_', ''),
  fc.tuple(fc.constantFrom(...FIELD_NAMES, '_id', 'inconnue'), fc.constantFrom(...OPERATORS.map((o) => o.name), 'EXACT', 'like', '', 'in__in', ' gt'))
    .map(([field, op]) => `${field}__${op}`),
  hostileText(20),
  hostileText(8).map((t) => `_${t}`),
  hostileText(8).map((t) => `${t}__${t}`),
);

const cursorText: fc.Arbitrary<string> = fc.oneof(
  // Cursors that decode, with values of any scalar type, for any version and id.
  fc.record({
    version: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(Number.MAX_SAFE_INTEGER)),
    values: fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 3 }),
    id: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
  }).map(encodeCursor),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '', 'utf8').toString('base64url')),
  hostileText(30),
);

const paramValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileText(30) },
  { weight: 2, arbitrary: fc.constantFrom('1', '-1', '0', '1e308', '1e999', 'NaN', 'Infinity', '-0', '0x10', '2024-02-30', '2024-01-01', 'true', 'oui', 'a,b,,c', ',', 'x:y', 'sum:population', '-commune', 'commune,-population') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...FIELD_NAMES)).map(([a, b]) => `${a},-${b}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('count', 'sum', 'avg', 'min', 'max', 'median', ''), fc.constantFrom(...FIELD_NAMES, 'x')).map(([fn, f]) => `${fn}:${f}`) },
  { weight: 2, arbitrary: cursorText },
  { weight: 1, arbitrary: hugeText },
);

/** A query string as express's parser gives it: a value, or an array for a repeated parameter. */
const queryParams: fc.Arbitrary<QueryParams> = fc
  .array(fc.tuple(paramName, fc.oneof({ weight: 5, arbitrary: paramValue }, { weight: 1, arbitrary: fc.array(paramValue, { minLength: 2, maxLength: 3 }) })), { maxLength: 6 })
  .map((entries) => Object.fromEntries(entries));

describe('records query-string parser: random parameters', () => {
  it('give a query that compiles on both dialects, or a bad-request naming the parameters', () => {
    let parsed = 0;
    fc.assert(fc.property(queryParams, (params) => {
      cursorVersion(params);
      let query;
      try {
        query = parseRecordsParams(params, FIELDS);
      } catch (error) {
        expectBadRequestNaming(error, Object.keys(params));
        return;
      }
      for (const d of DIALECTS) {
        const compiled = buildRecordsQuery(d.knex, TABLE, FIELDS, query, d.dialect);
        for (const builder of [compiled.page, compiled.count, ...compiled.facets.map((f) => f.query), compiled.groups?.rows, compiled.groups?.count]) {
          if (builder) expect(typeof builder.toSQL().sql).toBe('string');
        }
      }
      parsed += 1;
    }), fuzzRuns(1500));
    // The generators reach the compiler, not only the refusals.
    expect(parsed).toBeGreaterThan(50);
  });

  it('values that are not text (a client parser\'s objects) are refused, naming the parameter', () => {
    const notText = fc.oneof(fc.object(), fc.array(fc.oneof(fc.integer(), fc.object())), fc.integer());
    fc.assert(fc.property(paramName, notText, (name, value) => {
      const params = { [name]: value } as unknown as QueryParams;
      try {
        parseRecordsParams(params, FIELDS);
      } catch (error) {
        expectBadRequestNaming(error, [name]);
      }
    }), fuzzRuns(300));
  });
});

describe('neighbouring parsers: random parameters', () => {
  it('catalogue search: a query or a bad-request naming the parameters', () => {
    const name = fc.oneof(fc.constantFrom(...SEARCH_PARAMS), paramName);
    const params = fc.dictionary(name, fc.oneof(paramValue, fc.array(paramValue, { minLength: 2, maxLength: 3 })), { maxKeys: 5 });
    fc.assert(fc.property(params, (p) => {
      try {
        const query = parseSearchParams(p);
        expect(query.page).toBeGreaterThanOrEqual(1);
      } catch (error) {
        expectBadRequestNaming(error, Object.keys(p));
      }
    }), fuzzRuns(800));
  });

  it('CSV export options: options, and problems that each name an option', () => {
    const name = fc.constantFrom('_delimiter', '_bom', '_decimal', '_profile');
    const params = fc.dictionary(name, fc.oneof(paramValue, fc.array(paramValue, { minLength: 2, maxLength: 3 })), { maxKeys: 4 });
    fc.assert(fc.property(params, (p) => {
      const { options, problems } = parseCsvOptions(p);
      expect([',', ';', '\t']).toContain(options.delimiter);
      for (const problem of problems) expect(Object.keys(p)).toContain(problem.path);
    }), fuzzRuns(500));
  });
});
