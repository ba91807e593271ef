/**
 * Table Schema date patterns (Python strftime directives: `%d/%m/%Y`, `%Y/%m/%d`, `%d/%m/%y %H:%M`)
 * compiled once per column into a regular expression. As Python's strptime does, day and month
 * accept one or two digits (`2018/3/31` is a valid `%Y/%m/%d`, as in the IRVE v1 example).
 */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: string;
  offset?: string; // "+02:00" or "Z"
}

export type DateParser = (text: string) => DateParts | null;

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const DIRECTIVES: Record<string, { re: string; key: keyof DateParts | 'monthName' | 'year2' }> = {
  d: { re: '(\\d{1,2})', key: 'day' },
  m: { re: '(\\d{1,2})', key: 'month' },
  Y: { re: '(\\d{4})', key: 'year' },
  y: { re: '(\\d{2})', key: 'year2' },
  H: { re: '(\\d{1,2})', key: 'hour' },
  M: { re: '(\\d{1,2})', key: 'minute' },
  S: { re: '(\\d{1,2})', key: 'second' },
  f: { re: '(\\d{1,6})', key: 'fraction' },
  z: { re: '(Z|[+-]\\d{2}:?\\d{2})', key: 'offset' },
  B: { re: '([A-Za-zéèûÉÈÛ]+)', key: 'monthName' },
  b: { re: '([A-Za-zéèûÉÈÛ]+\\.?)', key: 'monthName' },
};

export function compileDatePattern(pattern: string): DateParser {
  const keys: Array<keyof DateParts | 'monthName' | 'year2'> = [];
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '%' && i + 1 < pattern.length) {
      const d = DIRECTIVES[pattern[++i]];
      if (!d) {
        if (pattern[i] === '%') source += '%';
        else throw new Error(`directive de date inconnue %${pattern[i]}`);
        continue;
      }
      source += d.re;
      keys.push(d.key);
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const re = new RegExp(source + '$');
  return (text) => {
    const m = re.exec(text);
    if (!m) return null;
    const parts: DateParts = { year: 1900, month: 1, day: 1 };
    keys.forEach((key, i) => {
      const v = m[i + 1];
      if (key === 'monthName') {
        const name = v.toLowerCase().replace(/\.$/, '');
        const index = [MONTHS_FR, MONTHS_EN].map((l) => l.findIndex((n) => n.startsWith(name) && name.length >= 3)).find((x) => x >= 0);
        parts.month = index === undefined ? 0 : index + 1;
      } else if (key === 'year2') parts.year = 2000 + Number(v) - (Number(v) > 68 ? 100 : 0);
      else if (key === 'fraction' || key === 'offset') parts[key] = v;
      else parts[key] = Number(v);
    });
    return isValidDate(parts) ? parts : null;
  };
}

export function isValidDate(p: DateParts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1) return false;
  const days = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  if (p.day > days) return false;
  if (p.hour !== undefined && (p.hour > 23 || (p.minute ?? 0) > 59 || (p.second ?? 0) > 60)) return false;
  return true;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatIsoDate(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

export function formatIsoDateTime(p: DateParts): string {
  let s = `${formatIsoDate(p)}T${pad(p.hour ?? 0)}:${pad(p.minute ?? 0)}:${pad(p.second ?? 0)}`;
  if (p.fraction) s += '.' + p.fraction;
  if (p.offset) s += normaliseOffset(p.offset);
  return s;
}

/** `+0200` → `+02:00` (the IRVE files write offsets without a colon; ISO 8601 wants one). */
export function normaliseOffset(offset: string): string {
  if (offset === 'Z' || offset === 'z') return 'Z';
  return offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset;
}

/** ISO 8601 forms accepted when a column declares no pattern. */
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): DateParts | null {
  const m = ISO_DATE_RE.exec(text);
  if (!m) return null;
  const parts: DateParts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(parts) ? parts : null;
}
const ISO_DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

export function parseIsoDateTime(text: string): DateParts | null {
  const m = ISO_DATETIME_RE.exec(text);
  if (!m) return null;
  const parts: DateParts = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4]), minute: Number(m[5]), second: m[6] ? Number(m[6]) : 0,
    fraction: m[7], offset: m[8],
  };
  return isValidDate(parts) ? parts : null;
}
