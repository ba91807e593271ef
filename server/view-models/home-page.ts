import type { OrganizationsList, SearchResult } from '../../catalogue/datasets-service';
import type { SiteSettings } from '../../catalogue/site-settings';
import { toDatasetCard } from './dataset-card';
import { formatNumber, plural } from './format';
import { pageLinks } from './urls';

/**
 * The home page, from the API's own answers: the latest updated datasets and the theme facet
 * (`GET /api/v1/datasets?sort=-updated`), the mapped datasets' count (`geo=true`), and the
 * organisations (`GET /api/v1/organizations`).
 */
export interface HomeInputs {
  latest: SearchResult;
  mapped: SearchResult;
  organizations: OrganizationsList;
}

export function toHomePage(site: SiteSettings, { latest, mapped, organizations }: HomeInputs) {
  const producers = organizations.organizations.filter((o) => o.dataset_count > 0)
    .sort((a, b) => b.dataset_count - a.dataset_count || a.title.localeCompare(b.title, 'fr'));
  return {
    title: site.name,
    hideHeaderSearch: true,
    siteName: site.name,
    operator: site.operator,
    figures: [
      { value: formatNumber(latest.total), label: latest.total < 2 ? 'jeu de données' : 'jeux de données' },
      { value: formatNumber(producers.length), label: producers.length < 2 ? 'producteur' : 'producteurs' },
      { value: formatNumber(mapped.total), label: mapped.total < 2 ? 'jeu cartographié' : 'jeux cartographiés' },
      { value: formatNumber(latest.facets.theme.length), label: latest.facets.theme.length < 2 ? 'thème' : 'thèmes' },
    ],
    themes: latest.facets.theme.map((t) => ({
      label: t.value,
      count: plural(t.count, 'jeu', 'jeux'),
      href: pageLinks.search([['theme', t.value]]),
    })),
    latest: latest.datasets.map(toDatasetCard),
    allHref: pageLinks.search(),
    organizations: producers.slice(0, 8).map((o) => ({
      title: o.title,
      href: pageLinks.organization(o.slug),
      count: plural(o.dataset_count, 'jeu de données', 'jeux de données'),
    })),
    organizationsHref: pageLinks.organizations(),
    hasMoreOrganizations: producers.length > 8,
  };
}
