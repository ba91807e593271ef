/**
 * A dataset's row schema (contract section 4): a JSON Schema draft 2020-12 object describing one
 * record, plus documented extension keywords. `ColumnSpec` is what the ingest pipeline and the
 * store derive from it: one entry per property, in the schema's property order.
 */
export type JsonSchema = Record<string, unknown>;

export interface GeoSpec {
  latitude?: string;
  longitude?: string;
  crs?: 'EPSG:4326' | 'EPSG:2154';
  geometry?: string;
  commune?: string;
}

/** A Validata-style check on a whole row, imported from a Table Schema's `custom_checks`. */
export type RowCheck =
  | { name: 'one-of-required'; column1: string; column2: string }
  | { name: 'french-siret-value'; column: string };

export interface RowSchema extends JsonSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required?: string[];
  'x-primaryKey'?: string[];
  'x-uniqueKeys'?: string[][];
  'x-geo'?: GeoSpec;
  'x-missingValues'?: string[];
  'x-checks'?: RowCheck[];
}

/** How a CSV cell becomes a typed value. One kind per JSON Schema type/format pair. */
export type ColumnKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date' // ISO YYYY-MM-DD once converted
  | 'datetime' // ISO 8601 once converted
  | 'time'
  | 'year'
  | 'json'; // object / array cells, kept as JSON text

export interface ColumnSpec {
  /** Property name in the row schema (what the header maps to). */
  name: string;
  kind: ColumnKind;
  title?: string;
  description?: string;
  required: boolean;
  /** Number cells: decimal separator (`.` default; `,` when the schema says `x-decimalChar: ","`). */
  decimalChar: string;
  /** Number cells: thousands separator allowed by the schema (`x-groupChar`), e.g. " " or ".". */
  groupChar?: string;
  /** Number cells: `x-bareNumber: false` allows leading/trailing non-digits such as "12 €" (Table Schema). */
  bareNumber: boolean;
  /** Boolean cells: exact lists from `x-trueValues`/`x-falseValues`; absent = French/English defaults, case-insensitive. */
  trueValues?: string[];
  falseValues?: string[];
  /** Date/datetime cells: a Table Schema strftime pattern (`x-dateFormat`, e.g. "%d/%m/%Y"); absent = ISO. */
  dateFormat?: string;
  /** Cell texts that mean "no value" for this column (schema-level `x-missingValues`, default [""]). */
  missingValues: string[];
}
