import { ingestFile } from '../../catalogue/ingest/ingest-file';
import type { Report } from '../../catalogue/ingest/report-types';
import { compileRowSchema } from '../../catalogue/validation/compile-row-schema';
import type { Finding } from '../../catalogue/validation/findings';
import { readRowSchemaFile } from '../../catalogue/validation/load-schema';
import type { RowSchema } from '../../catalogue/validation/row-schema';

/**
 * Conformance helpers: run the real pipeline (prescan → decode → sniff → parse → header mapping →
 * conversion → validation) on a real file of ../shared/data and look at the report.
 */
export interface Validation {
  report: Report;
  /** The typed rows handed to the store, by column name (only while the file is valid: none once it has an error). */
  rows: Array<Record<string, unknown>>;
  /** Warnings of the schema import (Table Schema → row schema). */
  schemaWarnings: string[];
}

/** `schema`: a schema file (Table Schema or row schema) or a row schema written in the test. */
export async function validateFile(file: string, schema: string | RowSchema): Promise<Validation> {
  const loaded = typeof schema === 'string' ? readRowSchemaFile(schema) : { schema, warnings: [] as string[] };
  const compiled = compileRowSchema(loaded.schema);
  const names = compiled.columns.map((c) => c.name);
  const rows: Array<Record<string, unknown>> = [];
  const { report } = await ingestFile(file, compiled, {
    onRows: (batch) => {
      for (const values of batch) rows.push(Object.fromEntries(names.map((name, i) => [name, values[i]])));
    },
  });
  return { report, rows, schemaWarnings: loaded.warnings };
}

/** "row code field rule" ("-" when absent): compact, and readable in a failing diff. */
export function key(f: Finding): string {
  return `${f.row ?? '-'} ${f.code} ${f.field ?? '-'} ${f.rule ?? '-'}`;
}

/** The keys of a list of findings, sorted (the order of findings inside a row is not part of the contract). */
export function keys(findings: readonly Finding[]): string[] {
  return findings.map(key).sort();
}

/** The same list, sorted the same way, for `toEqual(sorted([...]))`. */
export function sorted(list: readonly string[]): string[] {
  return [...list].sort();
}

/** English words an untranslated library message would carry (ajv: "must be…", csv-parse: "Invalid…"). */
export const ENGLISH = /\b(?:must|should|invalid|expected|is not|not allowed|required property)\b/i;

/** Every message of a report is French: none carries an untranslated library message. */
export function expectFrenchMessages(report: Report): void {
  for (const f of [...report.errors, ...report.warnings]) {
    expect(f.message).not.toMatch(ENGLISH);
    expect(f.message.length).toBeGreaterThan(10);
  }
}
