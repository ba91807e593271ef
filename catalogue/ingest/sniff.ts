/**
 * Guesses the CSV dialect from the first decoded characters, as Python's csv.Sniffer does: the
 * delimiter is the candidate whose count per line (outside quotes) is most consistent and
 * non-zero. French exports use `;` as often as `,`.
 */
export interface SniffedDialect {
  delimiter: string;
  quote: string;
  /** "\r\n", "\n", "\r" or "mixed". */
  lineTerminator: string;
  /** Every delimiter is followed by a space (`a, b, c`): cells are left-trimmed. */
  skipInitialSpace: boolean;
}

const DELIMITERS = [',', ';', '\t', '|'];
const SAMPLE_LINES = 100;

export function sniffDialect(sample: string): SniffedDialect {
  const quote = '"';
  const lines = splitLogicalLines(sample, quote).slice(0, SAMPLE_LINES).filter((l) => l.trim() !== '');
  // The last line of a sample may be cut in the middle: leave it out when there are others.
  const usable = lines.length > 2 ? lines.slice(0, -1) : lines;
  let best = { delimiter: ',', score: -1 };
  // A file with a header names its columns on the first line: a candidate absent from it would
  // make a one-column header over several-column rows, so it is not a delimiter.
  const inHeader = DELIMITERS.filter((d) => usable.length > 0 && countOutsideQuotes(usable[0], d, quote) > 0);
  for (const d of inHeader) {
    const counts = usable.map((l) => countOutsideQuotes(l, d, quote));
    const score = consistencyScore(counts);
    if (score > best.score) best = { delimiter: d, score };
  }
  return {
    delimiter: best.score > 0 ? best.delimiter : ',',
    quote,
    lineTerminator: detectLineTerminator(sample, quote),
    skipInitialSpace: usable.length > 0 && delimitersAllFollowedBySpace(usable, best.delimiter, quote),
  };
}

/** Lines of the sample, keeping quoted newlines inside their record. */
function splitLogicalLines(text: string, quote: string): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === quote) inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      out.push(text.slice(start, i));
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function countOutsideQuotes(line: string, delimiter: string, quote: string): number {
  let n = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === quote) inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) n++;
  }
  return n;
}

/** Share of lines agreeing on the most frequent non-zero count, weighted by that count. */
function consistencyScore(counts: number[]): number {
  if (counts.length === 0) return 0;
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let score = 0;
  for (const [count, lines] of freq) {
    const agreement = lines / counts.length;
    score = Math.max(score, agreement * 1000 + Math.min(count, 100));
  }
  return score;
}

function delimitersAllFollowedBySpace(lines: string[], delimiter: string, quote: string): boolean {
  if (delimiter === '\t') return false;
  let seen = 0;
  for (const line of lines) {
    let inQuotes = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === quote) inQuotes = !inQuotes;
      else if (c === delimiter && !inQuotes) {
        seen++;
        if (line[i + 1] !== ' ') return false;
      }
    }
  }
  return seen > 0;
}

/** Counts record ends only: newlines inside quoted cells (Excel writes LF there) are cell content. */
export function detectLineTerminator(sample: string, quote = '"'): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let inQuotes = false;
  const q = quote.charCodeAt(0);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === q) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 13) {
      if (sample.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds > 1) return 'mixed';
  if (crlf) return '\r\n';
  if (cr) return '\r';
  return '\n';
}
