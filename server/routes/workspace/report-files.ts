import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../../../catalogue/ingest/report-types';
import { HttpProblem } from '../../middleware/http-problem';
import { neutraliseFormula } from '../../render/csv-cells';
import { attachment } from '../../render/content-disposition';

/**
 * A validation report as a download: JSON (exactly the report), or CSV for a spreadsheet (one
 * line per error and warning; `;`, BOM and CRLF for Excel in French; cells that a spreadsheet
 * would run as a formula are neutralised).
 */
const HEADER = ['type', 'ligne', 'colonne', 'champ', 'valeur', 'code', 'règle', 'message'];

export function reportCsv(report: Report): string {
  const rows = [
    ...report.errors.map((f) => ['erreur', f]),
    ...report.warnings.map((f) => ['avertissement', f]),
  ] as Array<[string, Report['errors'][number]]>;
  const lines = rows.map(([type, f]) => [type, f.row ?? '', f.column ?? '', f.field ?? '', f.value ?? '', f.code, f.rule ?? '', f.message].map((c) => neutraliseFormula(String(c))));
  return '\uFEFF' + stringify([HEADER, ...lines], { delimiter: ';', record_delimiter: '\r\n' });
}

export function sendReportFile(res: Response, report: Report, format: string, baseName: string): void {
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'json') {
    res.setHeader('Content-Disposition', attachment(`${baseName}.json`));
    res.type('application/json').send(JSON.stringify(report, null, 2));
    return;
  }
  if (format === 'csv') {
    res.setHeader('Content-Disposition', attachment(`${baseName}.csv`));
    res.type('text/csv; charset=utf-8').send(reportCsv(report));
    return;
  }
  throw new HttpProblem(404, 'not-found', `Format « ${format} » inconnu : csv ou json.`);
}
