import type { OrganizationDetail, OrganizationsList } from '../../catalogue/datasets-service';
import { toDatasetCard } from './dataset-card';
import { plural } from './format';
import { plainExcerpt, renderMarkdown } from './markdown';
import { pageLinks } from './urls';

/** The producers' list (`GET /api/v1/organizations`) and one producer's page (`/organizations/{slug}`). */
export function toOrganizationsPage(list: OrganizationsList) {
  const organizations = [...list.organizations].sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  return {
    title: 'Producteurs de données',
    nav: 'organizations',
    breadcrumbs: [],
    count: plural(organizations.length, 'organisation publie', 'organisations publient'),
    organizations: organizations.map((o) => ({
      title: o.title,
      href: pageLinks.organization(o.slug),
      excerpt: o.description ? plainExcerpt(o.description, 200) : '',
      count: plural(o.dataset_count, 'jeu de données', 'jeux de données'),
    })),
  };
}

export function toOrganizationPage(organization: OrganizationDetail) {
  const datasets = [...organization.datasets].sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1));
  return {
    title: organization.title,
    nav: 'organizations',
    breadcrumbs: [{ label: 'Producteurs', href: pageLinks.organizations() }],
    organization: {
      title: organization.title,
      descriptionHtml: organization.description ? renderMarkdown(organization.description) : '',
      url: organization.url && /^https?:\/\//i.test(organization.url) ? organization.url : null,
      count: plural(organization.dataset_count, 'jeu de données publié', 'jeux de données publiés'),
      searchHref: pageLinks.search([['organization', organization.slug]]),
      apiHref: organization.links.api,
    },
    datasets: datasets.map(toDatasetCard),
  };
}
