import type { ColumnSpec } from '../validation/row-schema';
import {
  compileDatePattern, formatIsoDate, formatIsoDateTime, parseIsoDate, parseIsoDateTime,
  type DateParser, type DateParts,
} from './date-format';

/**
 * One converter per column, compiled once per schema: raw cell text → typed value. This is the
 * hot path of the pipeline (one call per cell), so converters return a sentinel on failure rather
 * than throwing or allocating a result object.
 */
export const TYPE_ERROR: unique symbol = Symbol('type-error');
export type Converted = string | number | boolean | null | typeof TYPE_ERROR;
export type CellConverter = (raw: string) => Converted;

const DEFAULT_TRUE = new Set(['true', 'oui', 'vrai', '1', 'o', 'yes', 'y']);
const DEFAULT_FALSE = new Set(['false', 'non', 'faux', '0', 'n', 'no']);
/** Space, no-break space and narrow no-break space all serve as thousands separators in French files. */
const SPACES = /[ \u00a0\u202f]/g;

export function compileConverter(column: ColumnSpec): CellConverter {
  switch (column.kind) {
    case 'string':
      return (raw) => raw;
    case 'integer':
      return integerConverter(column);
    case 'number':
      return numberConverter(column);
    case 'boolean':
      return booleanConverter(column);
    case 'date':
      return dateConverter(column, formatIsoDate, parseIsoDate);
    case 'datetime':
      return dateConverter(column, formatIsoDateTime, parseIsoDateTime);
    case 'time':
      return (raw) => (/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/.test(raw) ? raw : TYPE_ERROR);
    case 'year':
      return (raw) => (/^\d{4}$/.test(raw) ? Number(raw) : TYPE_ERROR);
    case 'json':
      return (raw) => {
        try {
          const v = JSON.parse(raw);
          return typeof v === 'object' && v !== null ? JSON.stringify(v) : TYPE_ERROR;
        } catch {
          return TYPE_ERROR;
        }
      };
  }
}

/** Removes the separators a column allows, so that "12 500" or "1.250.000" reach the number parser. */
function groupStripper(column: ColumnSpec): (raw: string) => string {
  const g = column.groupChar;
  if (!g) return (raw) => raw;
  if (g === ' ' || g === '\u00a0' || g === '\u202f') return (raw) => raw.replace(SPACES, '');
  return (raw) => raw.split(g).join('');
}

/** `bareNumber: false` (Table Schema) lets "12 €" or "95 %" through by dropping the non-numeric ends. */
function bareStripper(column: ColumnSpec): (raw: string) => string {
  if (column.bareNumber) return (raw) => raw;
  return (raw) => raw.replace(/^[^\d+\-.,]+|[^\d.,]+$/g, '');
}

function integerConverter(column: ColumnSpec): CellConverter {
  const strip = groupStripper(column);
  const bare = bareStripper(column);
  return (raw) => {
    const text = bare(strip(raw.trim()));
    // /^[+-]?\d+$/ then Number(), by hand: one call per cell (measured in bench/ingest.ts).
    const length = text.length;
    const first = length ? text.charCodeAt(0) : 0;
    let i = first === 43 || first === 45 ? 1 : 0; // "+" or "-"
    if (i === length) return TYPE_ERROR;
    let n = 0;
    for (; i < length; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return TYPE_ERROR;
      n = n * 10 + d;
    }
    if (length <= 15) return first === 45 ? -n : n; // at most 15 digits: the sum is exact and safe
    const v = Number(text);
    return Number.isSafeInteger(v) ? v : TYPE_ERROR;
  };
}

function numberConverter(column: ColumnSpec): CellConverter {
  const strip = groupStripper(column);
  const bare = bareStripper(column);
  const comma = column.decimalChar === ',';
  return (raw) => {
    let text = bare(strip(raw.trim()));
    if (comma) text = text.replace(',', '.');
    if (isDecimalText(text)) return Number(text);
    if (text === 'NaN') return NaN;
    if (text === 'INF' || text === '+INF') return Infinity;
    if (text === '-INF') return -Infinity;
    return TYPE_ERROR;
  };
}

/**
 * /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text), by hand (one call per cell):
 * [+-]digits[.digits][(e|E)[+-]digits], with a digit before or after the point.
 */
function isDecimalText(text: string): boolean {
  const length = text.length;
  let i = 0;
  let c = length ? text.charCodeAt(0) : 0;
  if (c === 43 || c === 45) c = text.charCodeAt(++i);
  const intStart = i;
  while (i < length && c >= 48 && c <= 57) c = text.charCodeAt(++i);
  let digits = i - intStart;
  if (i < length && c === 46) {
    const fracStart = ++i;
    c = text.charCodeAt(i);
    while (i < length && c >= 48 && c <= 57) c = text.charCodeAt(++i);
    digits += i - fracStart;
  }
  if (digits === 0) return false;
  if (i < length && (c === 101 || c === 69)) {
    c = text.charCodeAt(++i);
    if (c === 43 || c === 45) c = text.charCodeAt(++i);
    const expStart = i;
    while (i < length && c >= 48 && c <= 57) c = text.charCodeAt(++i);
    if (i === expStart) return false;
  }
  return i === length;
}

function booleanConverter(column: ColumnSpec): CellConverter {
  if (column.trueValues || column.falseValues) {
    // A Table Schema's own lists are exact (contract section 5).
    const t = new Set(column.trueValues ?? ['true']);
    const f = new Set(column.falseValues ?? ['false']);
    return (raw) => (t.has(raw) ? true : f.has(raw) ? false : TYPE_ERROR);
  }
  return (raw) => {
    const word = raw.trim().toLowerCase();
    return DEFAULT_TRUE.has(word) ? true : DEFAULT_FALSE.has(word) ? false : TYPE_ERROR;
  };
}

function dateConverter(column: ColumnSpec, format: (p: DateParts) => string, iso: DateParser): CellConverter {
  const pattern = column.dateFormat;
  let parse: DateParser = iso;
  if (pattern === 'any') {
    const alternatives = [iso, compileDatePattern('%d/%m/%Y'), compileDatePattern('%Y/%m/%d'), compileDatePattern('%d-%m-%Y')];
    parse = (text) => {
      for (const p of alternatives) {
        const parts = p(text);
        if (parts) return parts;
      }
      return null;
    };
  } else if (pattern && pattern !== 'default') {
    parse = compileDatePattern(pattern);
  }
  if (parse === parseIsoDate && format === formatIsoDate) {
    // A valid YYYY-MM-DD is its own ISO form: checked in place, not parsed into parts, validated
    // through a Date and formatted again (~0.25 µs a cell, measured in bench/ingest.ts).
    return (raw) => {
      const text = raw.trim();
      return isIsoDate(text) ? text : TYPE_ERROR;
    };
  }
  return (raw) => {
    const parts = parse(raw.trim());
    return parts ? format(parts) : TYPE_ERROR;
  };
}

/**
 * `parseIsoDate(text) !== null`, without allocating: YYYY-MM-DD in ASCII digits, a month 1-12, a
 * day that exists in that month. Like isValidDate (through Date.UTC), years 0000-0099 count as
 * 1900-1999 for February 29th.
 */
function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    year = year * 10 + d;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return false;
  if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const y = year <= 99 ? 1900 + year : year;
  return day <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
}

/** French words for the expected type, used in type-error messages. */
export function describeKind(column: ColumnSpec): string {
  switch (column.kind) {
    case 'integer': return 'un nombre entier';
    case 'number': return column.decimalChar === ',' ? 'un nombre (virgule décimale)' : 'un nombre (point décimal)';
    case 'boolean': return column.trueValues ? `un booléen (${[...column.trueValues, ...(column.falseValues ?? [])].join(', ')})` : 'un booléen (oui/non, vrai/faux, true/false, 1/0)';
    case 'date': return column.dateFormat && column.dateFormat !== 'default' ? `une date au format ${column.dateFormat}` : 'une date au format AAAA-MM-JJ';
    case 'datetime': return column.dateFormat && column.dateFormat !== 'default' ? `une date et heure au format ${column.dateFormat}` : 'une date et heure ISO 8601';
    case 'time': return 'une heure HH:MM[:SS]';
    case 'year': return 'une année sur 4 chiffres';
    case 'json': return 'un objet ou une liste JSON';
    case 'string': return 'du texte';
  }
}
