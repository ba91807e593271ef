import { CKAN_LICENCE_IDS, LICENCE_URIS } from '../vocabularies';

/**
 * A dataset's licence in CKAN's fields. `license_id` is data.gouv.fr's identifier (its harvester
 * guesses the licence from it, then from `license_title`); every licence we offer is open.
 */
export interface CkanLicence {
  license_id: string;
  license_title: string;
  license_url: string | null;
  isopen: boolean;
}

export function ckanLicenceId(licence: string): string {
  return CKAN_LICENCE_IDS[licence] ?? licence;
}

export function ckanLicence(licence: string, title: string): CkanLicence {
  return { license_id: ckanLicenceId(licence), license_title: title, license_url: LICENCE_URIS[licence] ?? null, isopen: true };
}
