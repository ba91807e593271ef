import type { OrganizationView } from '../../../catalogue/datasets-service';
import { ckanIds } from './ckan-ids';
import { ckanTimestamp } from './ckan-time';

/**
 * An organisation as CKAN's `organization_list?all_fields=true` and `package_show` give it. The
 * catalogue's view has no creation date: it comes from the organisation's record (`createdAt`).
 */
export interface OrganizationSource {
  view: OrganizationView;
  createdAt: string;
}

/** The organisation nested in a package (CKAN's group_dictize without members). */
export interface CkanPackageOrganization {
  id: string;
  name: string;
  title: string;
  type: 'organization';
  description: string;
  image_url: string;
  created: string;
  is_organization: true;
  approval_status: 'approved';
  state: 'active';
  /**
   * Gone from CKAN 2.9, but data.gouv.fr's harvester schema still requires both keys in the
   * organisation it reads (udata harvest/backends/ckan/schemas/ckan.py): present, so the dataset is kept.
   */
  revision_id: string;
  revision_timestamp: string;
}

export interface CkanOrganization extends Omit<CkanPackageOrganization, 'revision_id' | 'revision_timestamp'> {
  display_name: string;
  image_display_url: string;
  package_count: number;
  num_followers: number;
}

export function toCkanPackageOrganization({ view, createdAt }: OrganizationSource): CkanPackageOrganization {
  const created = ckanTimestamp(createdAt);
  return {
    id: ckanIds.organization(view.slug),
    name: view.slug,
    title: view.title,
    type: 'organization',
    description: view.description ?? '',
    image_url: '',
    created,
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    revision_id: '',
    revision_timestamp: created,
  };
}

export function toCkanOrganization(source: OrganizationSource): CkanOrganization {
  const { revision_id: _id, revision_timestamp: _timestamp, ...organization } = toCkanPackageOrganization(source);
  return {
    ...organization,
    display_name: source.view.title,
    image_display_url: '',
    package_count: source.view.dataset_count,
    num_followers: 0,
  };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const byName = (a: CkanOrganization, b: CkanOrganization) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const ORGANIZATION_ORDERS = {
  name: byName,
  title: (a: CkanOrganization, b: CkanOrganization) => collator.compare(a.title, b.title),
  package_count: (a: CkanOrganization, b: CkanOrganization) => a.package_count - b.package_count,
};

/** `organization_list`'s `sort` (`name asc` by default), the name breaking ties. */
export function sortOrganizations(list: readonly CkanOrganization[], sort: keyof typeof ORGANIZATION_ORDERS, descending: boolean): CkanOrganization[] {
  const primary = ORGANIZATION_ORDERS[sort];
  return [...list].sort((a, b) => {
    const order = primary(a, b) || byName(a, b);
    return descending ? -order : order;
  });
}
