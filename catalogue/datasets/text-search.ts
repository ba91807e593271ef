import { foldToAscii } from '../storage';

/**
 * Catalogue full-text matching, computed in JS: the catalogue holds hundreds of datasets, not
 * millions, so scoring them all in memory is fast and gives the same answers on SQLite and
 * PostgreSQL (no dialect-specific full-text engine for metadata). Accents and case are folded;
 * every query word must match the start of a word of the title, keywords/themes or description.
 */
const STOP_WORDS = new Set([
  'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sur', 'un', 'une',
]);

/** Field weights: a title hit counts more than a keyword hit, which counts more than a description hit. */
const WEIGHTS = { title: 3, keywords: 2, description: 1 } as const;

export type SearchField = keyof typeof WEIGHTS;

export type IndexedText = Record<SearchField, ReadonlySet<string>>;

export function tokenize(text: string): string[] {
  return foldToAscii(text).split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

export function indexText(fields: Record<SearchField, string>): IndexedText {
  return {
    title: new Set(tokenize(fields.title)),
    keywords: new Set(tokenize(fields.keywords)),
    description: new Set(tokenize(fields.description)),
  };
}

/** The words of `q` that must match; French stop words are dropped unless nothing else is left. */
export function queryWords(q: string): string[] {
  const words = [...new Set(tokenize(q))];
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  return meaningful.length > 0 ? meaningful : words;
}

function wordScore(tokens: ReadonlySet<string>, word: string): number {
  if (tokens.has(word)) return 1;
  for (const token of tokens) if (token.startsWith(word)) return 0.5;
  return 0;
}

/** Relevance of one dataset for the query words: 0 when some word matches nowhere. */
export function scoreText(text: IndexedText, words: readonly string[]): number {
  let total = 0;
  for (const word of words) {
    let best = 0;
    for (const field of Object.keys(WEIGHTS) as SearchField[]) {
      best = Math.max(best, WEIGHTS[field] * wordScore(text[field], word));
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** Facet and filter values compare folded: `theme=sante` finds « Santé ». */
export function sameFolded(a: string, b: string): boolean {
  return foldToAscii(a).trim() === foldToAscii(b).trim();
}
