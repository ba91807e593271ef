import { compileWhere, likePattern } from '../../../catalogue/query/compile-where';
import { keysetCondition } from '../../../catalogue/query/keyset';
import { FieldIndex } from '../../../catalogue/query/query-fields';
import type { WhereNode } from '../../../catalogue/query/where/ast';
import { compileParams, DIALECTS, FIELDS, pageSql, TABLE, whereOf } from './compile-helpers';

/** The compiler's SQL on both dialects: `_where` trees, keyset pages, sort, facets, groups, counts. */
const col = (name: string) => ({ type: 'column' as const, name, position: 1 });
const lit = (value: string | number) =>
  typeof value === 'number'
    ? { type: 'literal' as const, kind: 'number' as const, value, position: 1 }
    : { type: 'literal' as const, kind: 'string' as const, value, position: 1 };

describe.each(DIALECTS)('$name', (d) => {
  const sqlite = d.name === 'sqlite';

  it('compiles a _where tree with bound values only', () => {
    const tree: WhereNode = {
      type: 'and', position: 1, operands: [
        { type: 'compare', op: '>', left: col('Montant (€)'), right: lit(1000), position: 1 },
        { type: 'or', position: 1, operands: [
          { type: 'compare', op: '=', left: col('commune'), right: lit('Évreux'), position: 1 },
          { type: 'not', position: 1, operand: { type: 'in', operand: col('population'), values: [lit(1), lit('2')], negated: true, position: 1 } },
          { type: 'like', operand: col('objet'), pattern: 'Saint\\_%', negated: true, position: 1 },
          { type: 'isnull', operand: col('date'), negated: true, position: 1 },
          { type: 'compare', op: '>=', left: col('date'), right: { type: 'literal', kind: 'date', value: '2024-01-01', position: 1 }, position: 1 },
          { type: 'compare', op: '!=', left: col('signé'), right: { type: 'literal', kind: 'boolean', value: false, position: 1 }, position: 1 },
        ] },
      ],
    };
    const like = sqlite ? `opendata_lower("objet") LIKE ? ESCAPE '!'` : `"objet" ILIKE ? ESCAPE '!'`;
    expect(whereOf(d, {}, { where: tree })).toEqual({
      where: `(("montant" > ?) AND (("commune" = ?) OR (NOT ("population" NOT IN (?, ?))) OR (NOT (${like})) OR ("date" IS NOT NULL) OR ("date" >= ?) OR ("signe" <> ?)))`,
      bindings: [1000, 'Évreux', 1, 2, sqlite ? 'saint!_%' : 'Saint!_%', '2024-01-01', sqlite ? 0 : false],
    });
  });

  it('search(), in_bbox() and within_distance() use the dialect', () => {
    const tree: WhereNode = {
      type: 'and', position: 1, operands: [
        { type: 'search', text: 'évreux pisc*', position: 1 },
        { type: 'in_bbox', minLon: 0.9, minLat: 48.6, maxLon: 1.9, maxLat: 49.5, position: 1 },
        { type: 'within_distance', lat: 49, lon: 1, metres: 1000, position: 1 },
      ],
    };
    const { where, bindings } = whereOf(d, {}, { where: tree });
    if (sqlite) {
      expect(where).toContain('"_id" IN (SELECT rowid FROM "rec_1_2_fts" WHERE "rec_1_2_fts" MATCH ?)');
      expect(where).toContain('"_id" IN (SELECT id FROM "rec_1_2_geo" WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)');
      expect(bindings[0]).toBe('"évreux" "pisc"*');
    } else {
      expect(where).toContain(`to_tsvector('french', opendata_unaccent(coalesce("commune", '') || ' ' || coalesce("objet", ''))) @@ to_tsquery('french', opendata_unaccent(?))`);
      expect(where).toContain('"_lat" BETWEEN ? AND ? AND "_lon" BETWEEN ? AND ?');
      expect(bindings[0]).toBe("'évreux' & 'pisc':*");
    }
    expect(where).toContain('power(sin(radians("_lat" - ?) / 2), 2) + ? * cos(radians("_lat")) * power(sin(radians("_lon" - ?) / 2), 2) <= ?');
    expect(bindings.slice(-4)).toEqual([49, Math.cos((49 * Math.PI) / 180), 1, Math.sin(1000 / (2 * 6_371_008.8)) ** 2]);
  });

  it('_q and _bbox', () => {
    const { where, bindings } = whereOf(d, { _q: 'Saint-André évr*', _bbox: '0.9,48.6,1.9,49.5' });
    expect(bindings[0]).toBe(sqlite ? '"Saint" "André" "évr"*' : "'Saint' & 'André' & 'évr':*");
    expect(bindings.slice(1)).toEqual(sqlite ? [0.9, 1.9, 48.6, 49.5, 0.9, 1.9, 48.6, 49.5] : [48.6, 49.5, 0.9, 1.9]);
    expect(where.startsWith('((')).toBe(true);
  });

  it('sorts with NULLs first ascending and last descending, _id last, one row more than the page', () => {
    const { sql, bindings } = pageSql(d, { '_sort': '-Montant (€),commune', _size: '25', _select: 'commune' });
    expect(sql).toMatch(/^select .*_id.*commune.*montant.* from .rec_1_2. order by "montant" DESC NULLS LAST, "commune" ASC NULLS FIRST, "_id" ASC limit \?$/);
    expect(bindings).toEqual([26]);
  });

  it('_offset', () => {
    const { sql, bindings } = pageSql(d, { _offset: '40', _size: '20' });
    expect(sql).toMatch(/limit \? offset \?$/);
    expect(bindings).toEqual([21, 40]);
  });

  it('a keyset page: the cursor expanded after the filters, values encoded for the store', () => {
    const after = { version: 1, values: [null, true, '2024-01-01'], id: 77 };
    const { where, bindings } = whereOf(d, { population__gt: '5', _sort: 'Montant (€),-signé,-date' }, { after });
    expect(where).toBe('("population" > ?) and (("montant" IS NOT NULL) OR ("montant" IS NULL AND ("signe" < ? OR "signe" IS NULL))'
      + ' OR ("montant" IS NULL AND "signe" = ? AND ("date" < ? OR "date" IS NULL))'
      + ' OR ("montant" IS NULL AND "signe" = ? AND "date" = ? AND "_id" > ?))');
    const yes = sqlite ? 1 : true;
    expect(bindings).toEqual([5, yes, yes, '2024-01-01', yes, '2024-01-01', 77]);
  });

  it('count only when something filters; facets; groups', () => {
    expect(compileParams(d, {}).count).toBeNull();
    expect(compileParams(d, { commune: 'Vernon', _count: 'false' }).count).toBeNull();
    expect(compileParams(d, { commune: 'Vernon' }).count!.toSQL().sql).toMatch(/^select count\(\*\) as .count. from .rec_1_2. where \("commune" = \?\)$/);

    const [facet] = compileParams(d, { commune: 'Vernon', _facet: 'signé', _facet_size: '5' }).facets;
    const facetSql = facet.query.toSQL();
    expect(facetSql.sql).toContain('"signe" AS value');
    expect(facetSql.sql).toMatch(/where \("commune" = \?\) and .signe. is not null group by .signe. order by count\(\*\) DESC, "signe" ASC limit \?$/);
    expect(facetSql.bindings).toEqual(['Vernon', 5]);

    const groups = compileParams(d, { _group_by: 'commune,signé', _agg: 'count,sum:Montant (€),max:date', _sort: '-sum_Montant (€)', _size: '10' }).groups!;
    const groupSql = groups.rows.toSQL().sql;
    expect(groupSql).toContain('select "commune" AS "g0", "signe" AS "g1", count(*) AS "a0", sum("montant") AS "a1", max("date") AS "a2" from');
    expect(groupSql).toMatch(/group by "commune", "signe" order by "a1" DESC NULLS LAST, "g0" ASC NULLS FIRST, "g1" ASC NULLS FIRST limit \?$/);
    expect(groups.columns.map((c) => c.key)).toEqual(['commune', 'signé', 'count', 'sum_Montant (€)', 'max_date']);
    expect(groups.count!.toSQL().sql).toMatch(/^select count\(\*\) as .count. from \(select "commune", "signe" from .rec_1_2. group by "commune", "signe"\) as .g.$/);
  });
});

describe('keyset expansion', () => {
  it('mixed directions and NULL cursor values', () => {
    const keys = [
      { column: '"a"', desc: false, value: 3 },
      { column: '"b"', desc: true, value: null },
      { column: '"c"', desc: true, value: 'x' },
    ];
    expect(keysetCondition(keys, 9)).toEqual({
      // b DESC after NULL: nothing (NULLs come last descending), so that disjunct is absent.
      sql: '("a" > ?) OR ("a" = ? AND "b" IS NULL AND ("c" < ? OR "c" IS NULL)) OR ("a" = ? AND "b" IS NULL AND "c" = ? AND "_id" > ?)',
      bindings: [3, 3, 'x', 3, 'x', 9],
    });
  });

  it('no sort keys: the row id alone', () => {
    expect(keysetCondition([], 41)).toEqual({ sql: '"_id" > ?', bindings: [41] });
  });
});

describe('LIKE patterns of _where', () => {
  it('keeps % and _ as wildcards, backslash escapes them, ! is escaped', () => {
    expect(likePattern('Saint-%')).toBe('Saint-%');
    expect(likePattern('a\\%b_c!')).toBe('a!%b_c!!');
  });
});

describe('problems in a _where tree', () => {
  it('are collected with positions, never compiled', () => {
    const env = { fields: new FieldIndex(FIELDS), features: { search: false, geo: false }, problems: [] as string[] };
    compileWhere({
      type: 'and', position: 1, operands: [
        { type: 'compare', op: '=', left: { type: 'column', name: 'inconnue', position: 4 }, right: lit(1), position: 4 },
        { type: 'like', operand: { type: 'column', name: 'population', position: 20 }, pattern: '1%', negated: false, position: 20 },
        { type: 'search', text: 'x', position: 40 },
        { type: 'in_bbox', minLon: 0, minLat: 0, maxLon: 1, maxLat: 1, position: 50 },
        { type: 'compare', op: '<', left: col('date'), right: col('population'), position: 60 },
      ],
    }, env);
    expect(env.problems).toEqual([
      expect.stringMatching(/^colonne 4 : colonne « inconnue » inconnue ; colonnes disponibles : commune, Montant \(€\)/),
      expect.stringMatching(/^colonne 20 : LIKE ne s'applique qu'aux colonnes texte/),
      expect.stringMatching(/^colonne 40 : /),
      expect.stringMatching(/^colonne 50 : ce jeu de données n'a pas de coordonnées/),
      expect.stringMatching(/^colonne 60 : les colonnes « date » et « population » ne sont pas du même type/),
    ]);
  });

  it('the compiler refuses a tree with problems', () => {
    const [d] = DIALECTS;
    let error: unknown;
    try {
      compileParams(d, {}, { where: { type: 'isnull', operand: { type: 'column', name: 'nope', position: 7 }, negated: false, position: 1 } });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'bad-request', details: [{ path: '_where', message: expect.stringContaining('colonne 7') }] });
    expect(TABLE.name).toBe('rec_1_2');
  });
});
