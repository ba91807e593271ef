import { compileConverter, describeKind, TYPE_ERROR, type CellConverter } from '../ingest/cell-converters';
import type { ColumnKind, ColumnSpec } from '../validation/row-schema';

/**
 * A value from the query string (or a `_where` literal) converted to a column's type, with the
 * ingest's own converters: what loads as a boolean (`oui`, `true`, `1`…) or a date filters as
 * one. Numbers take a decimal point only (a comma separates the values of `in`).
 */
export type Converted = { ok: true; value: string | number | boolean } | { ok: false; expected: string };

function specFor(kind: ColumnKind): ColumnSpec {
  return { name: 'valeur', kind, required: false, decimalChar: '.', bareNumber: true, missingValues: [] };
}

const converters = new Map<ColumnKind, CellConverter>();

function converterFor(kind: ColumnKind): CellConverter {
  let converter = converters.get(kind);
  if (!converter) {
    converter = compileConverter(specFor(kind));
    converters.set(kind, converter);
  }
  return converter;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function expectedType(kind: ColumnKind): string {
  return describeKind(specFor(kind));
}

export function convertValue(kind: ColumnKind, text: string): Converted {
  // json cells are stored as text: a filter on them compares text.
  if (kind === 'string' || kind === 'json') return { ok: true, value: text };
  // A day given for a datetime column means its first instant, UTC (as the store reads naive datetimes).
  const input = kind === 'datetime' && ISO_DATE.test(text.trim()) ? `${text.trim()}T00:00:00Z` : text;
  const value = converterFor(kind)(input);
  if (value === TYPE_ERROR || value === null || (typeof value === 'number' && !Number.isFinite(value))) {
    return { ok: false, expected: expectedType(kind) };
  }
  return { ok: true, value };
}
