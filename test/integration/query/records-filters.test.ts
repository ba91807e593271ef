import { haversineMetres } from '../../../catalogue/query/geo-conditions';
import { parseRecordsParams } from '../../../catalogue/query/parse-params';
import { runRecordsQuery } from '../../../catalogue/query/run-query';
import type { StatementRunner } from '../../../catalogue/query/statement-runner';
import { createTargetResolver } from '../../../catalogue/query/version-target';
import type { WhereNode } from '../../../catalogue/query/where/ast';
import type { QueryParams } from '../../../catalogue/records';
import type { TestCatalogue } from '../../support/test-catalogue';
import { generateRows, type SourceRow } from './eure-dataset';
import { useLoadedEureDataset } from './loaded-eure-dataset';
import { fetchAll, fold, idsOf, matchesSearch } from './expected';

/**
 * Filters, `_where` trees and full-text search on a 2,000-row dataset published through the real
 * pipeline; each answer is compared with the rows selected in JS from the source.
 */
const rows = generateRows();
let t: TestCatalogue;
/** The runner the records service would use (the read pool's threads on SQLite). */
let runner: StatementRunner;
useLoadedEureDataset(rows, (loaded) => ({ t, runner } = loaded));

/** Ids of every matching record, in row order. */
async function ids(params: QueryParams): Promise<unknown[]> {
  const { records } = await fetchAll(t.catalogue.records, 'subventions', { ...params, _select: 'id', _size: '1000' });
  return idsOf(records);
}

const expected = (keep: (row: SourceRow) => boolean) => idsOf(rows.filter(keep));

describe('filters (col=v, col__op=v)', () => {
  const cases: Array<[string, QueryParams, (r: SourceRow) => boolean]> = [
    ['exact text (case-sensitive)', { commune: 'Évreux' }, (r) => r.commune === 'Évreux'],
    ['exact is case-sensitive', { commune: 'évreux' }, () => false],
    ['exact__exact on a number', { montant__exact: '5000' }, (r) => r.montant === 5000],
    ['not keeps the empty cells', { categorie__not: 'Sport' }, (r) => r.categorie !== 'Sport'],
    ['gt on a number', { montant__gt: '7500' }, (r) => r.montant !== null && r.montant > 7500],
    ['gte with decimals', { montant__gte: '9000.5' }, (r) => r.montant !== null && r.montant >= 9000.5],
    ['lt on an integer', { beneficiaires__lt: '20' }, (r) => r.beneficiaires < 20],
    ['lte on a date', { date_decision__lte: '2019-06-30' }, (r) => r.date_decision !== null && r.date_decision <= '2019-06-30'],
    ['gt on a date', { date_decision__gt: '2025-01-01' }, (r) => r.date_decision !== null && r.date_decision > '2025-01-01'],
    ['in', { categorie__in: 'Sport,Culture' }, (r) => r.categorie === 'Sport' || r.categorie === 'Culture'],
    ['notin keeps the empty cells', { categorie__notin: 'Sport,Culture' }, (r) => r.categorie !== 'Sport' && r.categorie !== 'Culture'],
    ['in on integers', { beneficiaires__in: '1,2,3,250' }, (r) => [1, 2, 3, 250].includes(r.beneficiaires)],
    ['contains ignores case, not accents', { commune__contains: 'ÉVR' }, (r) => r.commune.toLowerCase().includes('évr')],
    ['startswith', { commune__startswith: 'saint-' }, (r) => r.commune.toLowerCase().startsWith('saint-')],
    ['endswith', { commune__endswith: "D'ITON" }, (r) => r.commune.toLowerCase().endsWith("d'iton")],
    ['contains escapes %', { objet__contains: '50%' }, (r) => r.objet.includes('50%')],
    ['contains escapes _', { objet__contains: 's_t' }, (r) => r.objet.toLowerCase().includes('s_t')],
    ['isnull=true', { date_decision__isnull: 'true' }, (r) => r.date_decision === null],
    ['isnull=false', { montant__isnull: 'false' }, (r) => r.montant !== null],
    ['boolean as oui', { signe: 'oui' }, (r) => r.signe === true],
    ['boolean as false', { signe__exact: 'false' }, (r) => r.signe === false],
    ['two filters AND', { commune: 'Vernon', signe: 'true', montant__gte: '2000' }, (r) => r.commune === 'Vernon' && r.signe === true && r.montant !== null && r.montant >= 2000],
    ['the same column twice', { montant__gte: '1000', 'montant__lt': '2000' }, (r) => r.montant !== null && r.montant >= 1000 && r.montant < 2000],
  ];
  it.each(cases)('%s', async (_name, params, keep) => {
    const want = expected(keep);
    expect(await ids(params)).toEqual(want);
    const page = await t.catalogue.records.query('subventions', { ...params, _size: '1' });
    expect(page.total_count).toBe(want.length);
  });

  it('a value that cannot be converted names the parameter, the column and the type', async () => {
    await expect(t.catalogue.records.query('subventions', { montant__gt: 'beaucoup', date_decision: '31/12/2024' })).rejects.toMatchObject({
      code: 'bad-request',
      details: [
        { path: 'montant__gt', message: expect.stringMatching(/montant__gt.*« beaucoup ».*« montant ».*nombre/) },
        { path: 'date_decision', message: expect.stringMatching(/date_decision.*AAAA-MM-JJ/) },
      ],
    });
  });
});

describe('_where trees', () => {
  /** Trees as the parser produces them; run through the same path as a request, `where` set after parsing. */
  async function whereIds(where: WhereNode): Promise<unknown[]> {
    const target = await createTargetResolver(t.catalogue.store).resolve('subventions');
    const query = { ...parseRecordsParams({ _select: 'id', _size: '1000' }, target.fields), where };
    const page = await runRecordsQuery(runner, target, query, 10_000);
    expect(page.total_count).toBe(page.records.length);
    return idsOf(page.records);
  }
  const col = (name: string) => ({ type: 'column' as const, name, position: 1 });
  const str = (value: string) => ({ type: 'literal' as const, kind: 'string' as const, value, position: 1 });
  const num = (value: number) => ({ type: 'literal' as const, kind: 'number' as const, value, position: 1 });

  it('montant > 1000 AND (categorie = \'Sport\' OR commune IN (\'Évreux\', \'Vernon\'))', async () => {
    const tree: WhereNode = {
      type: 'and', position: 1, operands: [
        { type: 'compare', op: '>', left: col('montant'), right: num(1000), position: 1 },
        { type: 'or', position: 1, operands: [
          { type: 'compare', op: '=', left: col('categorie'), right: str('Sport'), position: 1 },
          { type: 'in', operand: col('commune'), values: [str('Évreux'), str('Vernon')], negated: false, position: 1 },
        ] },
      ],
    };
    expect(await whereIds(tree)).toEqual(expected((r) => r.montant !== null && r.montant > 1000 && (r.categorie === 'Sport' || ['Évreux', 'Vernon'].includes(r.commune))));
  });

  it("NOT, IS NULL, LIKE (case-insensitive), date literals and SQL's NULL rules for !=", async () => {
    const tree: WhereNode = {
      type: 'and', position: 1, operands: [
        { type: 'not', position: 1, operand: { type: 'isnull', operand: col('date_decision'), negated: false, position: 1 } },
        { type: 'compare', op: '>=', left: col('date_decision'), right: { type: 'literal', kind: 'date', value: '2024-01-01', position: 1 }, position: 1 },
        { type: 'like', operand: col('objet'), pattern: '%THÉÂTRE%', negated: false, position: 1 },
        { type: 'compare', op: '!=', left: col('categorie'), right: str('Culture'), position: 1 },
      ],
    };
    expect(await whereIds(tree)).toEqual(expected((r) => r.date_decision !== null && r.date_decision >= '2024-01-01'
      && fold(r.objet).includes('theatre') && r.categorie !== null && r.categorie !== 'Culture'));
  });

  it('a literal on the left, NOT IN, = NULL as IS NULL, search()', async () => {
    const tree: WhereNode = {
      type: 'or', position: 1, operands: [
        { type: 'and', position: 1, operands: [
          { type: 'compare', op: '<', left: num(9900), right: col('montant'), position: 1 },
          { type: 'in', operand: col('categorie'), values: [str('Social')], negated: true, position: 1 },
        ] },
        { type: 'and', position: 1, operands: [
          { type: 'compare', op: '=', left: col('categorie'), right: { type: 'literal', kind: 'null', value: null, position: 1 }, position: 1 },
          { type: 'search', text: 'biblio* gisors', position: 1 },
        ] },
      ],
    };
    expect(await whereIds(tree)).toEqual(expected((r) => (r.montant !== null && r.montant > 9900 && r.categorie !== null && r.categorie !== 'Social')
      || (r.categorie === null && matchesSearch(r, 'biblio* gisors'))));
  });

  it('unknown columns and values of the wrong type are refused with their position', async () => {
    const target = await createTargetResolver(t.catalogue.store).resolve('subventions');
    const query = { ...parseRecordsParams({}, target.fields), where: { type: 'and', position: 1, operands: [
      { type: 'compare', op: '=', left: { type: 'column', name: 'montant; DROP TABLE datasets', position: 3 }, right: num(1), position: 3 },
      { type: 'compare', op: '>', left: col('date_decision'), right: num(2024), position: 30 },
    ] } as WhereNode };
    await expect(runRecordsQuery(runner, target, query, 10_000)).rejects.toMatchObject({
      code: 'bad-request',
      details: [
        { path: '_where', message: expect.stringContaining('colonne 3 : colonne « montant; DROP TABLE datasets » inconnue') },
        { path: '_where', message: expect.stringMatching(/colonne 1 : la valeur 2024 ne convient pas à la colonne « date_decision »/) },
      ],
    });
  });

  it('as text through the parser: the same rows as the tree; a syntax error says where', async () => {
    const where = "montant > 1000 AND (categorie = 'Sport' OR commune IN ('Évreux', 'Vernon'))";
    expect(await ids({ _where: where })).toEqual(expected((r) => r.montant !== null && r.montant > 1000 && (r.categorie === 'Sport' || ['Évreux', 'Vernon'].includes(r.commune))));
    await expect(t.catalogue.records.query('subventions', { _where: 'montant >' })).rejects.toMatchObject({
      code: 'bad-request', details: [{ path: '_where', message: expect.stringMatching(/^_where, colonne 10 : /) }],
    });
    await expect(t.catalogue.records.query('subventions', { _where: "`commune` LIKE 'Évr%' AND montant > 'x'" })).rejects.toMatchObject({
      code: 'bad-request', details: [{ path: '_where', message: expect.stringMatching(/colonne 37 : la valeur « x » ne convient pas à la colonne « montant »/) }],
    });
    expect(await ids({ _where: "commune LIKE 'évr%' AND NOT signe = true AND date_decision < date'2020-01-01'" }))
      .toEqual(expected((r) => r.commune === 'Évreux' && r.signe === false && r.date_decision !== null && r.date_decision < '2020-01-01'));
    expect(await ids({ _where: 'within_distance(49.024, 1.151, 1500) AND montant IS NULL' }))
      .toEqual(expected((r) => r.montant === null && r.latitude !== null && haversineMetres(49.024, 1.151, r.latitude, r.longitude!) <= 1500));
  });
});

describe('full-text search (_q)', () => {
  it.each(['evreux', 'EVREUX', 'évreux', 'evr*', 'vernon festival', 'THEATRE', 'biblio* gisors', 'saint-andre', 'andelys concert'])('%s', async (q) => {
    const want = expected((r) => matchesSearch(r, q));
    expect(want.length).toBeGreaterThan(0);
    expect(await ids({ _q: q })).toEqual(want);
  });

  it('combines with filters, and finds nothing for a word no row has', async () => {
    expect(await ids({ _q: 'evreux', categorie: 'Sport' })).toEqual(expected((r) => matchesSearch(r, 'evreux') && r.categorie === 'Sport'));
    expect(await ids({ _q: 'zanzibar' })).toEqual([]);
  });

  it('query syntax of either engine is only text: quotes, operators, parentheses', async () => {
    expect(await ids({ _q: '"evreux" OR NOT (vernon) & gisors:* -' })).toEqual(expected((r) => matchesSearch(r, 'evreux or not vernon gisors')));
  });
});
