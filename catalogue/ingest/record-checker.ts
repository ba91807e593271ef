import type { CompiledRowSchema } from '../validation/compile-row-schema';
import { compileRowChecks, type RowCheckViolation } from '../validation/custom-checks';
import type { Finding } from '../validation/findings';
import type { RowCheck } from '../validation/row-schema';
import { compileConverter, describeKind, TYPE_ERROR, type CellConverter } from './cell-converters';
import { SUBSTITUTION } from './encoding';
import type { HeaderMapping } from './header-mapping';
import type { KeyIndex } from './key-index';
import type { ReportBuilder } from './report-builder';

/**
 * Checks one data record: shape (blank, ragged), encoding substitutions, cell conversion by type,
 * the row JSON Schema (ajv), Validata's custom checks, then primary and unique keys. Returns the
 * typed values in schema column order, or null when the record has an error.
 */
export class RecordChecker {
  private readonly converters: CellConverter[];
  /** Cell texts meaning "no value" (usually just ""): compared with ===, not hashed into a Set for every cell. */
  private readonly missing: string[];
  private readonly buildObject: (values: unknown[]) => Record<string, unknown>;
  /** `integer`: a key on one integer column, indexed as the number itself (same equality as its JSON text). */
  private readonly keySets: Array<{ fields: number[]; primary: boolean; integer: boolean }>;
  private readonly headerLength: number;
  /** Per column: it had a type error or a missing cell in the current row (ajv findings on it are noise). */
  private readonly cellFailed: boolean[];
  private readonly runChecks: ((row: Record<string, unknown>) => RowCheckViolation[]) | null;

  constructor(
    private readonly compiled: CompiledRowSchema,
    private readonly header: string[],
    private readonly mapping: HeaderMapping,
    private readonly report: ReportBuilder,
    private readonly keys: KeyIndex | null,
    private readonly checkSubstitutions: boolean,
  ) {
    const columns = compiled.columns;
    this.converters = columns.map(compileConverter);
    this.missing = [...new Set(compiled.missingValues)];
    this.headerLength = header.length;
    this.cellFailed = columns.map(() => false);
    const rowChecks: RowCheck[] = [];
    for (const check of compiled.checks) {
      if (check.name === 'one-of-required' && !this.inHeader(check.column1) && !this.inHeader(check.column2)) this.reportAbsentPair(check);
      else rowChecks.push(check);
    }
    this.runChecks = rowChecks.length ? compileRowChecks(rowChecks) : null;
    // A literal built by generated code is what ajv validates fastest (hidden class, no loop).
    // JSON cells are converted to canonical JSON text (what the store keeps); ajv must see the
    // parsed object or array, or `type: array` would reject every list.
    const body = columns
      .map((c, i) => `${JSON.stringify(c.name)}: ${c.kind === 'json' ? `v[${i}] === undefined ? undefined : JSON.parse(v[${i}])` : `v[${i}]`}`)
      .join(', ');
    this.buildObject = new Function('v', `return { ${body} };`) as (values: unknown[]) => Record<string, unknown>;
    const index = new Map(columns.map((c, i) => [c.name, i]));
    const toIndexes = (fields: string[]) => fields.map((f) => index.get(f)).filter((i): i is number => i !== undefined);
    this.keySets = [];
    const keySet = (fields: number[], primary: boolean) => ({
      fields, primary, integer: fields.length === 1 && (columns[fields[0]].kind === 'integer' || columns[fields[0]].kind === 'year'),
    });
    if (compiled.primaryKey.length) this.keySets.push(keySet(toIndexes(compiled.primaryKey), true));
    for (const u of compiled.uniqueKeys) this.keySets.push(keySet(toIndexes(u), false));
  }

  private inHeader(name: string): boolean {
    const j = this.compiled.columns.findIndex((c) => c.name === name);
    return j >= 0 && this.mapping.positions[j] >= 0;
  }

  /**
   * A one-of-required pair whose two columns are both absent from the header is one error for the
   * file (Validata's table-level error), not the same error on every row.
   */
  private reportAbsentPair(check: { column1: string; column2: string }): void {
    this.report.error({
      code: 'one-of-required', field: `${check.column1}, ${check.column2}`, rule: 'one-of-required',
      message: `Les colonnes « ${check.column1} » et « ${check.column2} » sont toutes deux absentes du fichier : l'une au moins doit être présente et renseignée sur chaque ligne.`,
    });
  }

  get keySetCount(): number {
    return this.keySets.length;
  }

  check(record: string[], row: number): unknown[] | null {
    if (isBlank(record)) {
      this.report.error({ code: 'blank-row', row, message: `La ligne ${row} est vide.` });
      return null;
    }
    this.checkEncoding(record, row);
    this.checkShape(record, row);

    const columns = this.compiled.columns;
    const positions = this.mapping.positions;
    const values: unknown[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) {
      this.cellFailed[j] = false;
      const pos = positions[j];
      if (pos < 0) continue;
      const raw = record[pos];
      if (raw === undefined) {
        this.cellFailed[j] = true;
        continue;
      }
      if (isMissing(this.missing, raw)) continue;
      const v = this.converters[j](raw);
      if (v === TYPE_ERROR) {
        this.cellFailed[j] = true;
        this.typeError(j, raw, row);
        continue;
      }
      values[j] = v;
    }

    const object = this.buildObject(values);
    for (const violation of this.compiled.validate(object)) {
      const j = violation.field === undefined ? -1 : columns.findIndex((c) => c.name === violation.field);
      if (j >= 0 && (this.cellFailed[j] || positions[j] < 0)) continue;
      this.report.error({
        code: 'constraint-error', row, field: violation.field, column: j >= 0 ? positions[j] + 1 : undefined,
        value: j >= 0 ? record[positions[j]] : undefined, rule: violation.rule, message: violation.message,
      });
    }
    if (this.runChecks) {
      for (const v of this.runChecks(object)) {
        const j = v.field === undefined ? -1 : columns.findIndex((c) => c.name === v.field);
        this.report.error({
          code: v.code, row, field: v.field, column: j >= 0 && positions[j] >= 0 ? positions[j] + 1 : undefined,
          value: j >= 0 && positions[j] >= 0 ? record[positions[j]] : undefined, rule: v.code, message: v.message,
        });
      }
    }
    if (this.keys) this.checkKeys(values, record, row);
    if (this.report.rowHasErrors(row)) return null;
    for (let j = 0; j < values.length; j++) if (values[j] === undefined) values[j] = null;
    return values;
  }

  private typeError(j: number, raw: string, row: number): void {
    const column = this.compiled.columns[j];
    let hint = '';
    if (column.kind === 'number' && column.decimalChar === '.' && /^[+-]?\d[\d \u00a0]*,\d+$/.test(raw.trim())) {
      hint = ' (virgule décimale détectée : le schéma attend un point)';
    }
    this.report.error({
      code: 'type-error', row, field: column.name, column: this.mapping.positions[j] + 1, value: raw, rule: 'type',
      message: `« ${clip(raw)} » n'est pas ${describeKind(column)}${hint}.`,
    });
  }

  private checkShape(record: string[], row: number): void {
    if (record.length > this.headerLength) {
      for (let c = this.headerLength; c < record.length; c++) {
        this.report.error({ code: 'extra-cell', row, column: c + 1, value: record[c], message: `La ligne ${row} a une cellule de trop en colonne ${c + 1} (l'en-tête compte ${this.headerLength} colonnes).` });
      }
    } else if (record.length < this.headerLength) {
      for (let c = record.length; c < this.headerLength; c++) {
        const label = this.header[c] || `colonne ${c + 1}`;
        this.report.error({ code: 'missing-cell', row, column: c + 1, field: label, message: `La ligne ${row} n'a pas de cellule pour « ${label} » (colonne ${c + 1}).` });
      }
    }
  }

  /**
   * Substitutions where the decoder may have made some, and U+0000 everywhere: a UTF-16 file or a
   * GeoJSON `\u0000` escape can carry it past the prescan's NUL-byte refusal, and PostgreSQL
   * cannot store it in text (the publication would fail on a file reported valid).
   */
  private checkEncoding(record: string[], row: number): void {
    for (let c = 0; c < record.length; c++) {
      const substituted = this.checkSubstitutions && SUBSTITUTION.test(record[c]);
      if (substituted || record[c].includes('\0')) {
        const f: Finding = {
          code: 'encoding-error', row, column: c + 1, field: this.header[c], value: record[c],
          message: substituted
            ? `La ligne ${row}, colonne ${c + 1}, contient des octets illisibles dans l'encodage du fichier.`
            : `La ligne ${row}, colonne ${c + 1}, contient un caractère nul (U+0000), qui ne peut pas être enregistré.`,
        };
        this.report.error(f);
        return;
      }
    }
  }

  private checkKeys(values: unknown[], record: string[], row: number): void {
    this.keySets.forEach((set, k) => {
      const parts = set.fields.map((j) => values[j]);
      if (set.fields.some((j) => this.cellFailed[j])) return;
      if (parts.some((p) => p === undefined)) {
        // A primary key is implicitly required; a unique key with an empty part is not checked (SQL's rule).
        if (set.primary) {
          const j = set.fields[parts.findIndex((p) => p === undefined)];
          if (this.mapping.positions[j] >= 0) {
            this.report.error({ code: 'constraint-error', row, field: this.compiled.columns[j].name, column: this.mapping.positions[j] + 1, value: record[this.mapping.positions[j]] ?? '', rule: 'required', message: `La clé primaire « ${this.compiled.columns[j].name} » est vide.` });
          }
        }
        return;
      }
      const first = this.keys!.add(k, set.integer ? (parts[0] as number) : JSON.stringify(parts), row);
      if (first === null) return;
      const columns = set.fields.map((j) => this.compiled.columns[j].name);
      const shown = parts.map((p) => String(p)).join(', ');
      this.report.error({
        code: set.primary ? 'primary-key-error' : 'unique-error', row, field: columns.join(', '),
        column: this.mapping.positions[set.fields[0]] + 1, value: shown, rule: set.primary ? 'primaryKey' : 'unique',
        message: set.primary
          ? `La clé primaire (${columns.join(', ')}) « ${clip(shown)} » apparaît déjà ligne ${first}.`
          : `La valeur (${columns.join(', ')}) « ${clip(shown)} » doit être unique et apparaît déjà ligne ${first}.`,
      });
    });
  }
}

function isMissing(missing: string[], raw: string): boolean {
  for (let i = 0; i < missing.length; i++) if (missing[i] === raw) return true;
  return false;
}

function isBlank(record: string[]): boolean {
  for (let i = 0; i < record.length; i++) if (record[i].trim() !== '') return false;
  return true;
}

function clip(s: string): string {
  return s.length > 80 ? s.slice(0, 80) + '…' : s;
}
