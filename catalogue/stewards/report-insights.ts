import { normaliseLabel } from '../ingest/header-mapping';
import type { Report } from '../ingest/report-types';

/**
 * What the reader detected in a file and what it fixed, or what the steward could fix, in plain
 * French (« le fichier est en Windows-1252 », « virgule décimale détectée »). Derived from the
 * report's dialect and findings, so stored reports get the same insights as fresh ones.
 */
export type InsightKind = 'detected' | 'applied' | 'suggested';

export interface Insight {
  kind: InsightKind;
  message: string;
}

const DELIMITERS: Record<string, string> = { ',': 'la virgule (,)', ';': 'le point-virgule (;)', '\t': 'la tabulation', '|': 'la barre verticale (|)' };
const LINE_ENDINGS: Record<string, string> = { '\r\n': 'Windows (CRLF)', '\n': 'Unix (LF)', '\r': 'anciennes Mac (CR)' };
const DECIMAL_COMMA = /^[+-]?\d[\d\s\u00a0.]*,\d+$/;
const FRENCH_DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

function encodingInsights(report: Report): Insight[] {
  const { encoding, bom } = report.dialect;
  if (encoding === 'windows-1252') {
    return [
      { kind: 'applied', message: 'Le fichier est en Windows-1252 : il a été lu comme tel et converti en UTF-8.' },
      { kind: 'suggested', message: 'Enregistrez le fichier en UTF-8 (« CSV UTF-8 » dans Excel) pour éviter toute erreur d’accents.' },
    ];
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return [{ kind: 'applied', message: `Le fichier est en UTF-16 (${encoding === 'utf-16le' ? 'petit-boutiste' : 'gros-boutiste'}) : il a été lu comme tel.` }];
  }
  return [{ kind: 'detected', message: bom ? 'Le fichier est en UTF-8, avec une marque d’ordre des octets (BOM) qui a été ignorée.' : 'Le fichier est en UTF-8.' }];
}

function dialectInsights(report: Report): Insight[] {
  const { delimiter, lineTerminator, decimalSeparator } = report.dialect;
  const insights: Insight[] = [];
  if (report.dialect.header.length) insights.push({ kind: 'detected', message: `Séparateur de colonnes : ${DELIMITERS[delimiter] ?? `« ${delimiter} »`}.` });
  if (lineTerminator === 'mixed') insights.push({ kind: 'suggested', message: 'Les fins de ligne sont mélangées (Windows et Unix) : le fichier a été lu, mais réenregistrez-le d’un seul tenant.' });
  else if (LINE_ENDINGS[lineTerminator] && report.dialect.header.length) insights.push({ kind: 'detected', message: `Fins de ligne ${LINE_ENDINGS[lineTerminator]}.` });
  if (decimalSeparator === ',') insights.push({ kind: 'applied', message: 'Virgule décimale détectée : les nombres comme « 12,5 » ont été lus comme 12.5.' });
  return insights;
}

function headerInsights(report: Report, fields: readonly string[]): Insight[] {
  const exact = new Set(fields);
  const loose = new Map(fields.map((f) => [normaliseLabel(f), f]));
  return report.dialect.header
    .filter((label) => !exact.has(label.trim()) && loose.has(normaliseLabel(label)))
    .map((label) => ({ kind: 'applied' as const, message: `L’en-tête « ${label} » a été rapproché de la colonne « ${loose.get(normaliseLabel(label))} » du schéma.` }));
}

/** Suggestions read from the errors: a decimal comma or French dates where the schema expects otherwise. */
function findingInsights(report: Report): Insight[] {
  const decimal = new Map<string, string>();
  const dates = new Map<string, string>();
  for (const e of report.errors) {
    if (e.code !== 'type-error' || !e.field || e.value === undefined) continue;
    if (DECIMAL_COMMA.test(e.value.trim()) && !decimal.has(e.field)) decimal.set(e.field, e.value);
    if (FRENCH_DATE.test(e.value.trim()) && !dates.has(e.field)) dates.set(e.field, e.value);
  }
  return [
    ...[...decimal].map(([field, value]) => ({
      kind: 'suggested' as const,
      message: `Virgule décimale détectée dans la colonne « ${field} » (« ${value} ») alors que le schéma attend un point : écrivez les nombres avec un point, ou déclarez "x-decimalChar": "," pour cette colonne dans le schéma.`,
    })),
    ...[...dates].map(([field, value]) => ({
      kind: 'suggested' as const,
      message: `Dates au format jour/mois/année dans la colonne « ${field} » (« ${value} ») : le schéma attend AAAA-MM-JJ ; convertissez-les, ou déclarez "x-dateFormat": "%d/%m/%Y" pour cette colonne.`,
    })),
  ];
}

export function reportInsights(report: Report, fields: readonly string[] = []): Insight[] {
  return [...encodingInsights(report), ...dialectInsights(report), ...headerInsights(report, fields), ...findingInsights(report)];
}
