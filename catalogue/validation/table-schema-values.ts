/**
 * Constraint values of a Table Schema field (enum, minimum, maximum…) are read the way a cell of
 * that field is read, as frictionless does: `"enum": ["1", "2"]` on an integer field means the
 * numbers 1 and 2, a date minimum written `01/01/2000` with format `%d/%m/%Y` means 2000-01-01.
 * The JSON Schema side holds converted (typed, ISO) values, so constraints must be too.
 */
import { fullFormats } from 'ajv-formats/dist/formats';

/** A reader returns `undefined` for a value that is not of the field's type. */
export type ValueReader = (value: unknown) => unknown;

export interface NumberReading {
  decimalChar: string;
  groupChar?: string;
  bareNumber: boolean;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function readNumber(value: unknown, reading: NumberReading): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  if (reading.groupChar) text = text.split(reading.groupChar).join('');
  if (reading.decimalChar !== '.') text = text.split(reading.decimalChar).join('.');
  // bareNumber: false lets "12 €" or "% 5" through, as in the Table Schema spec.
  if (!reading.bareNumber) text = text.replace(/^[^\d.+-]+|[^\d.]+$/g, '');
  return NUMBER_TEXT.test(text) ? Number(text) : undefined;
}

export function readInteger(value: unknown, reading: NumberReading): number | undefined {
  const number = readNumber(value, reading);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}

/** Table Schema v1 defaults, used to read a boolean enum when the field lists no values. */
export const DEFAULT_TRUE_VALUES = ['true', 'True', 'TRUE', '1'];
export const DEFAULT_FALSE_VALUES = ['false', 'False', 'FALSE', '0'];

export function readBoolean(value: unknown, trueValues: string[], falseValues: string[]): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  if (trueValues.includes(value)) return true;
  if (falseValues.includes(value)) return false;
  return undefined;
}

export type TemporalKind = 'date' | 'datetime' | 'time';

const FORMAT_OF: Record<TemporalKind, keyof typeof fullFormats> = { date: 'date', datetime: 'iso-date-time', time: 'iso-time' };

function isIso(text: string, kind: TemporalKind): boolean {
  const format = fullFormats[FORMAT_OF[kind]] as { validate: (s: string) => boolean };
  return format.validate(text);
}

const DIRECTIVES: Record<string, { group: string; part: 'Y' | 'y' | 'm' | 'd' | 'H' | 'M' | 'S' }> = {
  Y: { group: '(\\d{4})', part: 'Y' },
  y: { group: '(\\d{2})', part: 'y' },
  m: { group: '(\\d{1,2})', part: 'm' },
  d: { group: '(\\d{1,2})', part: 'd' },
  H: { group: '(\\d{1,2})', part: 'H' },
  M: { group: '(\\d{1,2})', part: 'M' },
  S: { group: '(\\d{1,2})', part: 'S' },
};

const pad = (text: string, width = 2) => text.padStart(width, '0');

/**
 * Reads `text` with a strftime pattern limited to %Y %y %m %d %H %M %S (what French schemas
 * use) and writes it as ISO. `undefined` when the pattern uses other directives or does not match.
 */
export function strptimeToIso(text: string, pattern: string, kind: TemporalKind): string | undefined {
  let source = '';
  const parts: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char !== '%') {
      source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const directive = pattern[++i];
    if (directive === '%') source += '%';
    else if (DIRECTIVES[directive]) {
      source += DIRECTIVES[directive].group;
      parts.push(DIRECTIVES[directive].part);
    } else return undefined;
  }
  const match = new RegExp(`^${source}$`).exec(text.trim());
  if (!match) return undefined;
  const got: Record<string, string> = {};
  parts.forEach((part, i) => (got[part] = match[i + 1]));
  // Python's %y: 00–68 → 2000s, 69–99 → 1900s.
  const year = got.Y ?? (got.y ? String(Number(got.y) < 69 ? 2000 + Number(got.y) : 1900 + Number(got.y)) : '1900');
  const date = `${pad(year, 4)}-${pad(got.m ?? '1')}-${pad(got.d ?? '1')}`;
  const time = `${pad(got.H ?? '0')}:${pad(got.M ?? '0')}:${pad(got.S ?? '0')}`;
  const iso = kind === 'date' ? date : kind === 'time' ? time : `${date}T${time}`;
  return isIso(iso, kind) ? iso : undefined;
}

/** A temporal constraint value as ISO: written in the field's format, or already ISO. */
export function readTemporal(value: unknown, kind: TemporalKind, dateFormat?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (dateFormat && dateFormat.includes('%')) {
    const iso = strptimeToIso(value, dateFormat, kind);
    if (iso) return iso;
  }
  return isIso(value, kind) ? value : undefined;
}
