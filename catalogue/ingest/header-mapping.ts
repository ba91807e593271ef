import type { ColumnSpec } from '../validation/row-schema';
import type { Finding } from '../validation/findings';

/**
 * Maps the header's labels to the schema's fields: exact name first, then insensitive to case,
 * accents and surrounding or repeated spaces (Validata's tolerance). Header problems are findings
 * on row 1.
 */
export interface HeaderMapping {
  /** For each schema column (in schema order), its cell index in the record, or -1 if absent. */
  positions: number[];
  findings: { errors: Finding[]; warnings: Finding[] };
}

export function normaliseLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function mapHeader(labels: string[], columns: ColumnSpec[], additionalPropertiesAllowed: boolean): HeaderMapping {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const positions = columns.map(() => -1);
  const taken = new Set<number>();
  const byExact = new Map(columns.map((c, i) => [c.name, i]));
  const byLoose = new Map<string, number>();
  columns.forEach((c, i) => {
    const key = normaliseLabel(c.name);
    if (!byLoose.has(key)) byLoose.set(key, i);
  });

  const seenLabels = new Map<string, number>();
  labels.forEach((raw, cell) => {
    const label = raw.trim();
    const column = cell + 1;
    if (label === '') {
      errors.push({ code: 'blank-header', row: 1, column, message: `La colonne ${column} n'a pas d'intitulé.` });
      return;
    }
    const loose = normaliseLabel(label);
    const first = seenLabels.get(loose);
    if (first !== undefined) {
      errors.push({
        code: 'duplicate-label', row: 1, column, field: label,
        message: `L'intitulé « ${label} » de la colonne ${column} répète celui de la colonne ${first + 1}.`,
      });
      return;
    }
    seenLabels.set(loose, cell);
    let index = byExact.get(label);
    if (index === undefined || taken.has(index)) index = byLoose.get(loose);
    if (index === undefined || taken.has(index)) {
      const finding: Finding = {
        code: 'extra-label', row: 1, column, field: label,
        message: `La colonne « ${label} » (colonne ${column}) n'existe pas dans le schéma.`,
      };
      (additionalPropertiesAllowed ? warnings : errors).push(finding);
      return;
    }
    taken.add(index);
    positions[index] = cell;
  });

  columns.forEach((c, i) => {
    if (positions[i] !== -1) return;
    const finding: Finding = {
      code: 'missing-label', row: 1, field: c.name,
      message: c.required
        ? `La colonne obligatoire « ${c.name} » est absente du fichier.`
        : `La colonne facultative « ${c.name} » est absente du fichier.`,
    };
    // Validata's rule: a missing column is an error when the schema requires it, a warning otherwise.
    (c.required ? errors : warnings).push(finding);
  });
  return { positions, findings: { errors, warnings } };
}
