/**
 * Page URLs with their query strings, built here and never in templates (architecture: "templates
 * that build URLs" is what to avoid). A query is a list of [name, value] pairs, so repeated names
 * (`theme=a&theme=b`) and the order the user chose are kept.
 */
export type QueryPairs = Array<[string, string]>;

export function href(path: string, pairs: QueryPairs = [], fragment?: string): string {
  const query = new URLSearchParams(pairs).toString();
  return `${path}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`;
}

/** Express's parsed query (strings or lists of strings) as pairs; anything else is dropped. */
export function pairsOf(query: Record<string, unknown>): QueryPairs {
  const pairs: QueryPairs = [];
  for (const [name, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') pairs.push([name, v]);
  }
  return pairs;
}

/** Pairs grouped back into the `Record` the catalogue services take. */
export function paramsOf(pairs: QueryPairs): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const current = params[name];
    if (current === undefined) params[name] = value;
    else params[name] = Array.isArray(current) ? [...current, value] : [current, value];
  }
  return params;
}

export const without = (pairs: QueryPairs, ...names: string[]): QueryPairs => pairs.filter(([n]) => !names.includes(n));

export function valueOf(pairs: QueryPairs, name: string): string | undefined {
  return pairs.find(([n]) => n === name)?.[1];
}

/** Pages of the site, in one place. */
export const pageLinks = {
  home: () => '/',
  search: (pairs: QueryPairs = []) => href('/datasets', pairs),
  dataset: (slug: string) => `/datasets/${encodeURIComponent(slug)}`,
  table: (slug: string, pairs: QueryPairs = []) => href(`/datasets/${encodeURIComponent(slug)}/table`, pairs),
  organizations: () => '/organizations',
  organization: (slug: string) => `/organizations/${encodeURIComponent(slug)}`,
};
