import type { DatasetListItem, OrganizationView } from '../../catalogue/datasets-service';
import { FOOTER_LINKS } from '../view-models/layout';
import { pageLinks } from '../view-models/urls';
import type { SitemapUrl } from './sitemap';

/**
 * Every public page a search engine should index, as absolute URLs: home, search, producers'
 * list, the pages of the footer (legal pages, API documentation, site map), each producer with
 * datasets, and each dataset with its table explorer. The table of a dataset with no published
 * version holds nothing and is left out. Stewards' pages (/connexion, /espace) are private.
 * `lastmod` is the dataset's last change (metadata or publication); a list page takes the newest
 * of the datasets it shows.
 */
export function publicPageUrls(datasets: readonly DatasetListItem[], organizations: readonly OrganizationView[], base: string): SitemapUrl[] {
  const newestOf = (items: readonly DatasetListItem[]) =>
    items.reduce<string | undefined>((max, d) => (!max || d.updated_at > max ? d.updated_at : max), undefined);
  const catalogueChange = newestOf(datasets);
  const fixed = [...new Set([pageLinks.home(), pageLinks.search(), pageLinks.organizations(), ...FOOTER_LINKS.map((l) => l.href)])];
  const urls: SitemapUrl[] = fixed.map((path) => ({
    loc: base + path,
    ...(path === pageLinks.home() || path === pageLinks.search() ? { lastmod: catalogueChange } : {}),
  }));
  const organizationChange = new Map<string, string>();
  for (const d of datasets) {
    const known = organizationChange.get(d.organization.slug);
    if (!known || d.updated_at > known) organizationChange.set(d.organization.slug, d.updated_at);
  }
  for (const organization of organizations) {
    if (organization.dataset_count === 0) continue;
    const lastmod = organizationChange.get(organization.slug);
    urls.push({ loc: base + pageLinks.organization(organization.slug), ...(lastmod ? { lastmod } : {}) });
  }
  for (const dataset of datasets) {
    urls.push({ loc: base + pageLinks.dataset(dataset.slug), lastmod: dataset.updated_at });
    if (dataset.version !== null) urls.push({ loc: base + pageLinks.table(dataset.slug), lastmod: dataset.updated_at });
  }
  return urls.map((u) => (u.lastmod === undefined ? { loc: u.loc } : u));
}
