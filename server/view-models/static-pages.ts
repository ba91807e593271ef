import type { DatasetListItem } from '../../catalogue/datasets-service';
import type { SiteSettings } from '../../catalogue/site-settings';
import { FOOTER_LINKS } from './layout';
import { pageLinks } from './urls';

/**
 * The legal pages a French public site must have (accessibility statement, legal notices,
 * personal data), the site map, and the error pages' extra links. Their texts are in the
 * templates; the operator's settings fill them in.
 */
export const STATEMENT_DATE = '2026-11-28';

export function toLegalPage(site: SiteSettings, title: string) {
  return {
    title,
    breadcrumbs: [],
    site: {
      name: site.name,
      operator: site.operator,
      contactEmail: site.contactEmail,
      publicationDirector: site.publicationDirector,
      hosting: site.hosting,
      tilesAttribution: site.mapTilesAttribution,
    },
    statementDate: '28 novembre 2026',
    statementDateIso: STATEMENT_DATE,
  };
}

export function toSiteMapPage(datasets: DatasetListItem[], organizations: Array<{ slug: string; title: string }>) {
  return {
    title: 'Plan du site',
    breadcrumbs: [],
    sections: [
      { label: 'Accueil', href: pageLinks.home() },
      { label: 'Rechercher des jeux de données', href: pageLinks.search() },
      { label: 'Producteurs de données', href: pageLinks.organizations() },
      { label: 'Documentation de l’API', href: '/api' },
      { label: 'Connexion des producteurs', href: '/connexion' },
      ...FOOTER_LINKS.filter((l) => l.href !== '/api' && l.href !== '/plan-du-site'),
      { label: 'Flux Atom des nouvelles versions', href: '/feed.atom' },
      { label: 'Plan du site pour les moteurs de recherche (XML)', href: '/sitemap.xml' },
    ],
    datasets: [...datasets].sort((a, b) => a.title.localeCompare(b.title, 'fr')).map((d) => ({ label: d.title, href: pageLinks.dataset(d.slug), tableHref: pageLinks.table(d.slug) })),
    organizations: [...organizations].sort((a, b) => a.title.localeCompare(b.title, 'fr')).map((o) => ({ label: o.title, href: pageLinks.organization(o.slug) })),
  };
}
