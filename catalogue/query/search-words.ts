import type { SearchWord } from '../storage/dialects/query-dialect';

/**
 * The words of a full-text query (`_q`, `search('…')`): runs of letters and digits, as both
 * stores' tokenizers cut them ("Saint-André" is two words), each optionally followed by `*` for
 * a prefix. Everything else is a separator, so no query syntax of either engine gets through.
 * That includes the letters that are apostrophes in practice (`lʼéglise`): PostgreSQL's unaccent
 * turns them into `'` (its unaccent.rules), which would end a quoted tsquery word and make the
 * query a syntax error; they separate words, as `'` does.
 */
const WORD = /((?:(?![ŉʹʻʼʽˈ])[\p{L}\p{N}])+)(\*?)/gu;

export function parseSearchWords(text: string): SearchWord[] {
  return [...text.normalize('NFC').matchAll(WORD)].map((m) => ({ text: m[1], prefix: m[2] === '*' }));
}
