import type { Catalogue } from '../../../catalogue';
import type { DatasetListItem } from '../../../catalogue/datasets-service';
import { CkanError } from './ckan-envelope';
import { listAllDatasets, readOrganizations, readPackageSources } from './ckan-catalogue-reader';
import { ckanIds } from './ckan-ids';
import { toCkanPackage, type CkanPackage } from './ckan-package';
import type { PackageSearchParams } from './ckan-params';
import { matchesSearchQuery, parseSearchQuery } from './ckan-search-query';

/**
 * `package_search`: the catalogue's own full-text search (accents and case folded) for the words
 * of `q`, the `field:value` terms of `q` and `fq` on top, CKAN's sorts, then the `start`/`rows`
 * window. Facets are not computed (CKAN only does when `facet.field` asks for them).
 */
export interface CkanSearchResult {
  count: number;
  sort: string;
  facets: Record<string, never>;
  search_facets: Record<string, never>;
  results: CkanPackage[];
}

interface Ranked {
  item: DatasetListItem;
  /** Position in the catalogue's relevance order (0 = best), for `score`. */
  rank: number;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const SORT_FIELDS: Record<string, (a: Ranked, b: Ranked) => number> = {
  // Ascending order of each field; `desc` reverses it. The best score is the lowest rank.
  score: (a, b) => b.rank - a.rank,
  metadata_modified: (a, b) => Date.parse(a.item.updated_at) - Date.parse(b.item.updated_at),
  name: (a, b) => compareText(a.item.slug, b.item.slug),
  title: (a, b) => collator.compare(a.item.title, b.item.title),
  title_string: (a, b) => collator.compare(a.item.title, b.item.title),
  id: (a, b) => compareText(ckanIds.package(a.item.slug), ckanIds.package(b.item.slug)),
};

/** `score desc, metadata_modified desc` → comparators, the name last so that pages never overlap. */
function comparatorsOf(sort: string): Array<(a: Ranked, b: Ranked) => number> {
  const comparators = sort.split(',').map((part) => {
    const match = /^\s*([a-z_]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    const compare = match ? SORT_FIELDS[match[1]] : undefined;
    if (!match || !compare) {
      throw new CkanError(400, {
        __type: 'Search Query Error',
        message: `sort : « ${part.trim()} » n’est pas permis ; champs de tri permis : ${Object.keys(SORT_FIELDS).join(', ')}, suivis de asc ou desc`,
      });
    }
    return match[2]?.toLowerCase() === 'desc' ? (a: Ranked, b: Ranked) => compare(b, a) : compare;
  });
  return [...comparators, SORT_FIELDS.name];
}

export async function searchPackages(catalogue: Catalogue, params: PackageSearchParams, baseUrl: string): Promise<CkanSearchResult> {
  const query = parseSearchQuery(params.q, params.fq);
  const comparators = comparatorsOf(params.sort);
  const all = await listAllDatasets(catalogue, query.text);
  const hits: Ranked[] = all.map((item, rank) => ({ item, rank: query.text ? rank : 0 })).filter((h) => matchesSearchQuery(h.item, query));
  hits.sort((a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
  const window = hits.slice(params.start, params.start + params.rows);
  const organizations = await readOrganizations(catalogue);
  const sources = await readPackageSources(catalogue, window.map((h) => h.item.slug), organizations);
  return {
    count: hits.length,
    sort: params.sort,
    facets: {},
    search_facets: {},
    results: sources.map((source) => toCkanPackage(source, baseUrl)),
  };
}
