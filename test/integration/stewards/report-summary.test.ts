import type { Report } from '../../../catalogue/ingest/report-types';
import { groupReportErrors } from '../../../catalogue/stewards/report-groups';
import { reportInsights } from '../../../catalogue/stewards/report-insights';
import { ingestText } from '../../support/ingest';
import { useTempDir } from '../../support/temp-files';
import iconv from 'iconv-lite';

/**
 * What the report page says about a file beyond its findings: the encoding and dialect detected,
 * the fixes applied on reading, the fixes to make; and errors grouped by column and by rule.
 */
const tmp = useTempDir();
const schema = {
  type: 'object' as const,
  properties: { code: { type: 'string' }, montant: { type: 'number' }, date: { type: 'string', format: 'date' }, surface: { type: 'number', 'x-decimalChar': ',' } },
  required: ['code'],
};

describe('report insights', () => {
  it('says what was detected and applied for a Windows-1252 file with a decimal comma and a loose header', async () => {
    const { report } = await ingestText(tmp(), iconv.encode('CODE;montant;date;Surface\r\nà;1;2024-01-01;12,5\r\n', 'win1252'), schema);
    const insights = reportInsights(report, Object.keys(schema.properties));
    expect(insights).toEqual(expect.arrayContaining([
      { kind: 'applied', message: 'Le fichier est en Windows-1252 : il a été lu comme tel et converti en UTF-8.' },
      expect.objectContaining({ kind: 'suggested', message: expect.stringContaining('Enregistrez le fichier en UTF-8') }),
      { kind: 'detected', message: 'Séparateur de colonnes : le point-virgule (;).' },
      { kind: 'detected', message: 'Fins de ligne Windows (CRLF).' },
      { kind: 'applied', message: 'Virgule décimale détectée : les nombres comme « 12,5 » ont été lus comme 12.5.' },
      { kind: 'applied', message: 'L’en-tête « CODE » a été rapproché de la colonne « code » du schéma.' },
      { kind: 'applied', message: 'L’en-tête « Surface » a été rapproché de la colonne « surface » du schéma.' },
    ]));
  });

  it('suggests a fix for a decimal comma or French dates where the schema expects otherwise', async () => {
    const { report } = await ingestText(tmp(), 'code,montant,date\nA,"12,5",01/02/2024\nB,"3,25",03/04/2024\n', schema);
    const suggested = reportInsights(report).filter((i) => i.kind === 'suggested').map((i) => i.message);
    expect(suggested).toEqual([
      expect.stringContaining('Virgule décimale détectée dans la colonne « montant » (« 12,5 »)'),
      expect.stringContaining('Dates au format jour/mois/année dans la colonne « date » (« 01/02/2024 »)'),
    ]);
  });

  it('groups errors by column and by rule, most frequent first, with the first rows of each', async () => {
    const rows = ['code,montant,date', ...Array.from({ length: 8 }, (_, i) => `,x${i},2024-13-0${i + 1}`)];
    const { report } = await ingestText(tmp(), rows.join('\n') + '\n', schema);
    const groups = groupReportErrors(report);
    expect(groups.partial).toBe(false);
    expect(groups.byColumn.map((g) => [g.key, g.count])).toEqual([['code', 8], ['date', 8], ['montant', 8]]);
    expect(groups.byColumn[0].examples.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
    expect(groups.byRule.map((g) => g.label)).toEqual(expect.arrayContaining(['Contrainte non respectée : champ obligatoire', 'Valeur du mauvais type']));
  });

  it('says when the counts cover only the errors the report keeps', () => {
    const report = { errors: [{ code: 'type-error', row: 2, field: 'a', message: 'x' }], stats: { errors: 5000 }, dialect: { header: [] } } as unknown as Report;
    expect(groupReportErrors(report).partial).toBe(true);
  });
});
