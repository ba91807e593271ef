import type { SiteSettings } from '../../catalogue/site-settings';

/**
 * What the layout shows around every page: the platform's name and operator, the main menu (with
 * the current area marked by aria-current, not by colour alone), the footer's legal links, and the
 * page's own stylesheets and scripts (files only: the CSP allows no inline code).
 */
export type NavArea = 'datasets' | 'organizations' | 'api' | 'connexion' | null;

export interface Breadcrumb {
  label: string;
  href?: string;
}

export interface PageMeta {
  title: string;
  /** The page's main area in the menu. */
  nav?: NavArea;
  /** Ancestors of the page; the page itself is added last, without a link. */
  breadcrumbs?: Breadcrumb[];
  /** Extra stylesheets and scripts (paths under /assets). */
  styles?: string[];
  scripts?: string[];
  /** The home page has its own big search box: no small one in the header. */
  hideHeaderSearch?: boolean;
  description?: string;
}

const NAV: Array<{ area: NonNullable<NavArea>; label: string; href: string }> = [
  { area: 'datasets', label: 'Jeux de données', href: '/datasets' },
  { area: 'organizations', label: 'Producteurs', href: '/organizations' },
  { area: 'api', label: 'API', href: '/api' },
];

export const FOOTER_LINKS = [
  { label: 'Accessibilité : non conforme', href: '/accessibilite' },
  { label: 'Mentions légales', href: '/mentions-legales' },
  { label: 'Données personnelles et cookies', href: '/donnees-personnelles' },
  { label: 'Plan du site', href: '/plan-du-site' },
  { label: 'Documentation de l’API', href: '/api' },
];

export function toLayout(site: SiteSettings, model: Partial<PageMeta> & Record<string, unknown>) {
  const title = typeof model.title === 'string' && model.title ? model.title : site.name;
  const crumbs = model.breadcrumbs ?? [];
  return {
    pageTitle: title === site.name ? site.name : `${title} · ${site.name}`,
    description: model.description ?? `${site.name} : les données publiques du territoire, à consulter, cartographier, télécharger et réutiliser.`,
    site: { name: site.name, operator: site.operator, contactEmail: site.contactEmail },
    nav: NAV.map((item) => ({ ...item, current: model.nav === item.area })),
    connexion: { href: '/connexion', current: model.nav === 'connexion' },
    breadcrumbs: crumbs.length ? [{ label: 'Accueil', href: '/' }, ...crumbs, { label: title }] : [],
    headerSearch: !model.hideHeaderSearch,
    styles: model.styles ?? [],
    scripts: model.scripts ?? [],
    footerLinks: FOOTER_LINKS,
  };
}
