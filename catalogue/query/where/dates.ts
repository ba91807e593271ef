/**
 * Date literals: `date'2024-01-01'` (`DATE '…'` as in standard SQL). They are checked here, at
 * parse time, so that `date'2023-02-29'` is refused with its position instead of reaching the
 * database, where SQLite would compare it as plain text.
 *
 * `datetime'…'` / `timestamp'…'` are recognised only to be refused with a hint: the tree's
 * `kind: 'date'` means a calendar date (YYYY-MM-DD) to the compiler, and a date-time in it would
 * be mis-converted. A date-time compares as a string literal, which the compiler converts to the
 * column's type.
 */
export type DateKeyword = 'date' | 'datetime' | 'timestamp';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ASCII only, like keywords, so that look-alike letters never turn a column into a literal. */
export function dateKeywordOf(word: string): DateKeyword | undefined {
  if (!/^[A-Za-z]+$/.test(word)) return undefined;
  const lower = word.toLowerCase();
  return lower === 'date' || lower === 'datetime' || lower === 'timestamp' ? lower : undefined;
}

/** True for `YYYY-MM-DD` naming a day that exists (proleptic Gregorian calendar). */
export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
