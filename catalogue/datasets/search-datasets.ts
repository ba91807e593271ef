import { foldToAscii } from '../storage';
import { licenceTitle } from './licences';
import { toListItem, type CatalogueEntry } from './catalogue-entries';
import type { SearchQuery, SearchSort } from './search-params';
import { queryWords, sameFolded, scoreText } from './text-search';
import type { CatalogueFacets, DatasetListItem, FacetValue, SearchResult } from './types';

/**
 * Catalogue search over the entries in memory (see catalogue-entries.ts for why): filter, score,
 * count facets over the matching datasets, sort with the slug as last tie-breaker (a stable order
 * on both stores), and cut the page.
 */
export const FACET_LIMIT = 50;

interface Hit {
  item: DatasetListItem;
  score: number;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const bySlug = (a: Hit, b: Hit) => (a.item.slug < b.item.slug ? -1 : a.item.slug > b.item.slug ? 1 : 0);
const byUpdated = (a: Hit, b: Hit) => (a.item.updated_at < b.item.updated_at ? 1 : a.item.updated_at > b.item.updated_at ? -1 : 0);

const COMPARATORS: Record<SearchSort, Array<(a: Hit, b: Hit) => number>> = {
  '-updated': [byUpdated],
  title: [(a, b) => collator.compare(a.item.title, b.item.title)],
  '-records': [(a, b) => b.item.record_count - a.item.record_count],
  relevance: [(a, b) => b.score - a.score, byUpdated],
};

/** Multi-valued fields (themes, keywords) must hold every asked value; single-valued ones any of them. */
function matchesFilters(item: DatasetListItem, query: SearchQuery): boolean {
  const hasAll = (values: string[], wanted: string[]) => wanted.every((w) => values.some((v) => sameFolded(v, w)));
  if (!hasAll(item.themes, query.themes)) return false;
  if (!hasAll(item.keywords, query.keywords)) return false;
  if (query.organizations.length > 0 && !query.organizations.includes(item.organization.slug)) return false;
  if (query.licences.length > 0 && !query.licences.some((l) => l.toLowerCase() === item.licence.toLowerCase())) return false;
  if (query.geo !== null && item.geo !== query.geo) return false;
  return true;
}

/** Counts values case- and accent-insensitively; the most frequent spelling is shown. */
function countFacet(lists: string[][], label?: (value: string) => string): FacetValue[] {
  const counts = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const values of lists) {
    for (const value of new Set(values)) {
      const key = foldToAscii(value).trim();
      const entry = counts.get(key) ?? { count: 0, spellings: new Map() };
      entry.count += 1;
      entry.spellings.set(value, (entry.spellings.get(value) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  const facet = [...counts.values()].map(({ count, spellings }) => {
    const value = [...spellings.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))[0][0];
    return label ? { value, count, label: label(value) } : { value, count };
  });
  facet.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value) || (a.value < b.value ? -1 : 1));
  return facet.slice(0, FACET_LIMIT);
}

function countFacets(items: DatasetListItem[]): CatalogueFacets {
  const organizationTitles = new Map(items.map((i) => [i.organization.slug, i.organization.title]));
  return {
    theme: countFacet(items.map((i) => i.themes)),
    organization: countFacet(items.map((i) => [i.organization.slug]), (slug) => organizationTitles.get(slug) ?? slug),
    keyword: countFacet(items.map((i) => i.keywords)),
    licence: countFacet(items.map((i) => [i.licence]), licenceTitle),
  };
}

export function searchDatasets(entries: readonly CatalogueEntry[], query: SearchQuery): SearchResult {
  const words = query.q ? queryWords(query.q) : [];
  const hits: Hit[] = [];
  for (const entry of entries) {
    const score = words.length > 0 ? scoreText(entry.text, words) : 0;
    if (words.length > 0 && score === 0) continue;
    const item = toListItem(entry);
    if (matchesFilters(item, query)) hits.push({ item, score });
  }
  const comparators = [...COMPARATORS[query.sort], bySlug];
  hits.sort((a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    total: hits.length,
    page: query.page,
    page_size: query.pageSize,
    facets: countFacets(hits.map((h) => h.item)),
    datasets: hits.slice(start, start + query.pageSize).map((h) => h.item),
  };
}
