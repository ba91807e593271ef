import type { Report } from './report-types';

/** The report as French text for a terminal (`opendata validate` without --json). */
export function formatReportText(report: Report, maxErrors = 50): string {
  const lines: string[] = [];
  const d = report.dialect;
  lines.push(`${report.source.name} : ${report.valid ? 'VALIDE' : 'INVALIDE'}`);
  lines.push(`  ${report.stats.rows} lignes de données, ${report.stats.validRows} valides, ${report.stats.invalidRows} invalides`);
  lines.push(`  ${report.stats.errors} erreur(s), ${report.stats.warnings} avertissement(s)`);
  lines.push(
    `  encodage ${d.encoding}${d.bom ? ' (avec BOM)' : ''}, séparateur ${showChar(d.delimiter)}, fin de ligne ${showChar(d.lineTerminator)}, décimales « ${d.decimalSeparator} »`,
  );
  for (const w of report.warnings.slice(0, maxErrors)) lines.push(`  avertissement [${w.code}] ${w.message}`);
  for (const e of report.errors.slice(0, maxErrors)) {
    const where = [e.row !== undefined ? `ligne ${e.row}` : null, e.field ? `champ ${e.field}` : null].filter(Boolean).join(', ');
    lines.push(`  erreur [${e.code}]${where ? ` (${where})` : ''} ${e.message}`);
  }
  const hidden = report.stats.errors - Math.min(report.errors.length, maxErrors);
  if (hidden > 0) lines.push(`  … et ${hidden} autre(s) erreur(s) (--json pour le rapport complet)`);
  return lines.join('\n') + '\n';
}

function showChar(c: string): string {
  return ({ '\t': 'tabulation', '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR', mixed: 'mixte' } as Record<string, string>)[c] ?? `« ${c} »`;
}
