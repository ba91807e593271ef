import type { FacetValue, SearchResult } from '../../catalogue/datasets-service';
import { SEARCH_PARAMS } from '../../catalogue/datasets-service';
import { toDatasetCard } from './dataset-card';
import { formatNumber } from './format';
import { paginate } from './pagination';
import { pageLinks, valueOf, without, type QueryPairs } from './urls';

/**
 * The search page: `GET /api/v1/datasets` with the page's own query string (same parameters), shown
 * as results, facets that are links adding or removing one value (they combine), the sort as a
 * form that works without JavaScript, and numbered pages.
 */
const FACETS = [
  { param: 'theme', key: 'theme', title: 'Thèmes', label: 'Thème' },
  { param: 'organization', key: 'organization', title: 'Producteurs', label: 'Producteur' },
  { param: 'keyword', key: 'keyword', title: 'Mots-clés', label: 'Mot-clé' },
  { param: 'licence', key: 'licence', title: 'Licences', label: 'Licence' },
] as const;

const SORTS = [
  { value: 'relevance', label: 'pertinence' },
  { value: '-updated', label: 'mise à jour la plus récente' },
  { value: 'title', label: 'titre (de A à Z)' },
  { value: '-records', label: 'nombre de lignes (décroissant)' },
];

const VISIBLE_FACET_VALUES = 8;

/** Only the API's parameters reach the search: anything else in the address (a tracker's tag) is ignored. */
export function searchPairs(pairs: QueryPairs): QueryPairs {
  return pairs.filter(([name, value]) => (SEARCH_PARAMS as readonly string[]).includes(name) && value.trim() !== '');
}

const has = (pairs: QueryPairs, name: string, value: string) => pairs.some(([n, v]) => n === name && v === value);

function toggled(pairs: QueryPairs, name: string, value: string): string {
  const rest = without(pairs, 'page');
  return pageLinks.search(has(rest, name, value) ? rest.filter(([n, v]) => !(n === name && v === value)) : [...rest, [name, value]]);
}

function facetValues(pairs: QueryPairs, param: string, values: FacetValue[]) {
  const items = values.map((v) => ({
    label: v.label ?? v.value,
    count: formatNumber(v.count),
    href: toggled(pairs, param, v.value),
    active: has(pairs, param, v.value),
  }));
  return { visible: items.slice(0, VISIBLE_FACET_VALUES), more: items.slice(VISIBLE_FACET_VALUES) };
}

export function toSearchPage(pairs: QueryPairs, result: SearchResult, mappedTotal: number) {
  const q = valueOf(pairs, 'q') ?? '';
  const sort = valueOf(pairs, 'sort') ?? (q ? 'relevance' : '-updated');
  const labels = new Map<string, string>();
  for (const f of FACETS) for (const v of result.facets[f.key]) labels.set(`${f.param}=${v.value}`, v.label ?? v.value);
  const active = pairs
    .filter(([name, value]) => FACETS.some((f) => f.param === name) || (name === 'geo' && value === 'true'))
    .map(([name, value]) => {
      const facet = FACETS.find((f) => f.param === name);
      const text = facet ? `${facet.label} : ${labels.get(`${name}=${value}`) ?? value}` : 'Avec une carte';
      return { label: text, href: toggled(pairs, name, value) };
    });
  const totalPages = Math.ceil(result.total / result.page_size);
  return {
    title: q ? `Recherche « ${q} »` : 'Jeux de données',
    nav: 'datasets',
    breadcrumbs: [],
    hideHeaderSearch: true,
    q,
    total: result.total,
    totalLabel: `${formatNumber(result.total)} ${result.total < 2 ? 'jeu de données' : 'jeux de données'}`,
    sorts: SORTS.filter((s) => q || s.value !== 'relevance').map((s) => ({ ...s, selected: s.value === sort })),
    sortHidden: without(pairs, 'sort', 'page', 'q').map(([name, value]) => ({ name, value })),
    active,
    clearHref: active.length ? pageLinks.search(q ? [['q', q]] : []) : null,
    facets: FACETS.map((f) => ({ title: f.title, id: `facette-${f.param}`, ...facetValues(pairs, f.param, result.facets[f.key]) }))
      .filter((f) => f.visible.length > 0),
    geoFacet: { label: 'Avec une carte', count: formatNumber(mappedTotal), href: toggled(pairs, 'geo', 'true'), active: has(pairs, 'geo', 'true') },
    results: result.datasets.map(toDatasetCard),
    range: result.total === 0 ? '' : `${formatNumber((result.page - 1) * result.page_size + 1)} à ${formatNumber(Math.min(result.total, result.page * result.page_size))}`,
    pagination: paginate(result.page, totalPages, (page) => pageLinks.search(page === 1 ? without(pairs, 'page') : [...without(pairs, 'page'), ['page', String(page)]])),
    apiHref: `/api/v1/datasets${pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''}`,
  };
}
