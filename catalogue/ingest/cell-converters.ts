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
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_RE = /^[+-]?\d+$/;
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
    if (!INTEGER_RE.test(text)) return TYPE_ERROR;
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : TYPE_ERROR;
  };
}

function numberConverter(column: ColumnSpec): CellConverter {
  const strip = groupStripper(column);
  const bare = bareStripper(column);
  const comma = column.decimalChar === ',';
  return (raw) => {
    let text = bare(strip(raw.trim()));
    if (comma) text = text.replace(',', '.');
    if (NUMBER_RE.test(text)) return Number(text);
    if (text === 'NaN') return NaN;
    if (text === 'INF' || text === '+INF') return Infinity;
    if (text === '-INF') return -Infinity;
    return TYPE_ERROR;
  };
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
  return (raw) => {
    const parts = parse(raw.trim());
    return parts ? format(parts) : TYPE_ERROR;
  };
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
