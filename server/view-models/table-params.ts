import type { QueryPairs } from './urls';

/**
 * The table explorer's address is the records API's query string (`col=v`, `col__op=v`, `_q`,
 * `_where`, `_sort`, `_size`, `_offset`, `_next`…), so that a filtered table and its API call are
 * the same words. An HTML form cannot name a parameter after the column a user picks, so the
 * "add a filter" fields have page-only names (`_filtre_col`, `_filtre_op`, `_filtre_val`); the
 * page turns them into `col__op=value`, drops empty fields, and redirects to the clean address.
 */
export const ADD_FILTER = { column: '_filtre_col', operator: '_filtre_op', value: '_filtre_val' } as const;
const FORM_ONLY: string[] = Object.values(ADD_FILTER);

export const DEFAULT_SIZE = '20';
/** Fields the form shows itself: every other parameter rides along as a hidden field. */
export const FORM_FIELDS = ['_q', '_where', '_sort', '_size'];
/** Where a page starts: dropped whenever the query changes. */
export const PAGING = ['_offset', '_next'];

/** The explorer's reserved names that are not filters. */
export const RESERVED = new Set([
  '_where', '_select', '_sort', '_size', '_next', '_offset', '_q', '_bbox', '_facet', '_facet_size', '_group_by', '_agg', '_count',
]);

export interface Canonical {
  pairs: QueryPairs;
  /** The address asked for is not the canonical one: redirect (303) to it. */
  changed: boolean;
  /** A column was chosen for a new filter but no value given: the page says so instead of redirecting. */
  incomplete: string | null;
}

/** The canonical explorer query: the added filter spelled as the API spells it, empty fields and the default size dropped. */
export function canonicalTableQuery(raw: QueryPairs): Canonical {
  const get = (name: string) => raw.find(([n]) => n === name)?.[1]?.trim() ?? '';
  const pairs: QueryPairs = raw.filter(([name, value]) => {
    if (FORM_ONLY.includes(name)) return false;
    if (value.trim() === '' && (name.startsWith('_') || name.includes('__'))) return false;
    return !(name === '_size' && value === DEFAULT_SIZE);
  });
  const column = get(ADD_FILTER.column);
  const operator = get(ADD_FILTER.operator) || 'exact';
  let value = get(ADD_FILTER.value);
  if (operator === 'isnull' && value === '') value = 'true';
  const adding = column !== '' && value !== '';
  if (adding) {
    const withoutPaging = pairs.filter(([name]) => !PAGING.includes(name));
    withoutPaging.push([operator === 'exact' ? column : `${column}__${operator}`, value]);
    pairs.splice(0, pairs.length, ...withoutPaging);
  }
  const same = pairs.length === raw.length && pairs.every(([n, v], i) => raw[i][0] === n && raw[i][1] === v);
  return { pairs, changed: !same, incomplete: column !== '' && !adding ? column : null };
}

/** Filters are every parameter that is not reserved: `col=v` or `col__op=v`. */
export function isFilter(name: string): boolean {
  return !RESERVED.has(name);
}
