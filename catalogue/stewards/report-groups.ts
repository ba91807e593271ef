import type { Report } from '../ingest/report-types';
import type { Finding } from '../validation/findings';

/**
 * A report's errors grouped by column and by rule, with counts and the first rows of each group,
 * for the report page. Counts cover the errors the report keeps (the first 1,000); `partial`
 * says when there were more.
 */
export interface FindingGroup {
  /** Column (field) name, or the rule's key for groups by rule. */
  key: string;
  label: string;
  count: number;
  /** The first findings of the group, in file order. */
  examples: Finding[];
}

export interface ReportGroups {
  byColumn: FindingGroup[];
  byRule: FindingGroup[];
  partial: boolean;
}

export const EXAMPLES_PER_GROUP = 5;

const CODE_LABELS: Record<string, string> = {
  'encoding-error': 'Octets illisibles dans l’encodage du fichier',
  'source-error': 'Fichier CSV mal formé',
  'blank-header': 'Intitulé de colonne vide',
  'duplicate-label': 'Intitulé de colonne en double',
  'missing-label': 'Colonne absente',
  'extra-label': 'Colonne non prévue par le schéma',
  'extra-cell': 'Cellule en trop',
  'missing-cell': 'Cellule manquante',
  'blank-row': 'Ligne vide',
  'type-error': 'Valeur du mauvais type',
  'constraint-error': 'Contrainte non respectée',
  'unique-error': 'Valeur en double (unicité)',
  'primary-key-error': 'Clé primaire en double',
  'one-of-required': 'Une des deux colonnes doit être remplie',
  'french-siret-value': 'Numéro SIRET invalide',
};

const RULE_LABELS: Record<string, string> = {
  required: 'champ obligatoire', enum: 'valeurs permises', pattern: 'motif', minimum: 'minimum', maximum: 'maximum',
  exclusiveMinimum: 'minimum strict', exclusiveMaximum: 'maximum strict', minLength: 'longueur minimale', maxLength: 'longueur maximale',
  format: 'format', const: 'valeur imposée', multipleOf: 'multiple',
};

export function findingLabel(f: Pick<Finding, 'code' | 'rule'>): string {
  const base = CODE_LABELS[f.code] ?? f.code;
  return f.code === 'constraint-error' && f.rule ? `${base} : ${RULE_LABELS[f.rule] ?? f.rule}` : base;
}

function group(findings: readonly Finding[], keyOf: (f: Finding) => string, labelOf: (f: Finding) => string): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = keyOf(f);
    const entry = groups.get(key) ?? { key, label: labelOf(f), count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < EXAMPLES_PER_GROUP) entry.examples.push(f);
    groups.set(key, entry);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function groupReportErrors(report: Report): ReportGroups {
  return {
    byColumn: group(report.errors, (f) => f.field ?? '', (f) => f.field ?? 'Fichier entier'),
    byRule: group(report.errors, (f) => `${f.code}${f.rule ? `:${f.rule}` : ''}`, findingLabel),
    partial: report.stats.errors > report.errors.length,
  };
}
