/**
 * Findings are data, not exceptions (frictionless-py's way): every check yields findings with a
 * stable kebab-case code; the report collects and caps them. Codes are part of the public contract
 * (contract section 5).
 */
export type FindingCode =
  | 'encoding-error'
  | 'source-error'
  | 'blank-header'
  | 'duplicate-label'
  | 'missing-label'
  | 'extra-label'
  | 'extra-cell'
  | 'missing-cell'
  | 'blank-row'
  | 'type-error'
  | 'constraint-error'
  | 'unique-error'
  | 'primary-key-error'
  // Validata custom checks imported from Table Schemas (see validation/custom-checks.ts).
  | 'one-of-required'
  | 'french-siret-value'
  // Warnings that are not errors of a cell: what the reader detected or fixed.
  | 'encoding-fallback'
  | 'schema-import';

export interface Finding {
  code: FindingCode;
  /** Record position counting the header as 1 (first data record = 2). Absent for file-level findings. */
  row?: number;
  /** 1-based position of the cell in the record, when the finding is about a cell or a header label. */
  column?: number;
  /** Schema field (property) name, or the header label when it maps to no field. */
  field?: string;
  /** The raw cell text, as read from the file (cut to 200 characters). */
  value?: string;
  /** For constraint-error: the JSON Schema keyword that failed (required, enum, pattern, minimum…). */
  rule?: string;
  /** French, for people. */
  message: string;
}
