import type { QueryParams, RecordsService } from '../../../catalogue/records';
import type { SourceRow } from './eure-dataset';

/**
 * Reference answers computed in JS from the source rows, to compare the store's answers with.
 * Written independently of the engine: plain array filters and sorts.
 */
export type Key = keyof SourceRow;

/** Accents and case folded, as both stores' full-text search does. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const TEXT_COLUMNS: Key[] = ['id', 'commune', 'code_insee', 'categorie', 'objet'];

/** Every word of `q` is a word of one of the row's text columns (or a prefix, with `*`). */
export function matchesSearch(row: SourceRow, q: string): boolean {
  const tokens = TEXT_COLUMNS.flatMap((k) => fold(String(row[k] ?? '')).split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  const words = fold(q).match(/[\p{L}\p{N}]+\*?/gu) ?? [];
  return words.every((word) =>
    word.endsWith('*') ? tokens.some((t) => t.startsWith(word.slice(0, -1))) : tokens.includes(word));
}

/** NULL is the smallest value; ties broken by row number: the order the API promises. */
export function comparator(keys: ReadonlyArray<[Key, 'asc' | 'desc']>): (a: SourceRow, b: SourceRow) => number {
  return (a, b) => {
    for (const [key, direction] of keys) {
      const x = a[key];
      const y = b[key];
      if (x === y) continue;
      const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return direction === 'asc' ? order : -order;
    }
    return a.n - b.n;
  };
}

export const idsOf = (rows: ReadonlyArray<{ id?: unknown }>): unknown[] => rows.map((r) => r.id);

/** Every page of a query, following `next`; also says how many pages it took. */
export async function fetchAll(records: RecordsService, slug: string, params: QueryParams, options: { version?: number } = {}) {
  const all: Array<Record<string, unknown>> = [];
  let next: string | null = null;
  let pages = 0;
  let version = 0;
  do {
    const page = await records.query(slug, next ? { ...params, _next: next } : params, options);
    all.push(...page.records);
    next = page.next;
    version = page.version;
    pages++;
  } while (next && pages < 1000);
  return { records: all, pages, version };
}

export function sum(values: ReadonlyArray<number | null>): number {
  return values.reduce<number>((s, v) => s + (v ?? 0), 0);
}
