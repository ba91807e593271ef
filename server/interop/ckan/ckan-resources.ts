import type { Distribution } from '../dataset-distributions';
import { ckanIds } from './ckan-ids';
import { ckanTimestamp } from './ckan-time';

/**
 * A package's resources: the shared distributions (dataset-distributions.ts: one per export format
 * and the original file), in CKAN's resource fields. Ids stay the same from one version to the
 * next, so a harvester updates its copy of a resource instead of adding one per version; `created`
 * is the first publication, `last_modified` the current one.
 */
export interface CkanResource {
  id: string;
  package_id: string;
  name: string;
  description: string;
  url: string;
  format: string;
  mimetype: string;
  mimetype_inner: null;
  /** Bytes, for the original file; the exports are streamed and have none. */
  size: number | null;
  /** SHA-256 in hex, bare (CKAN's free-text field; data.gouv.fr tells the algorithm by the length). */
  hash: string;
  created: string | null;
  last_modified: string | null;
  metadata_modified: string | null;
  position: number;
  /** `file`: a download, which data.gouv.fr's harvester keeps (it drops unknown types). */
  resource_type: 'file';
  url_type: null;
  state: 'active';
  datastore_active: false;
  cache_url: null;
  cache_last_updated: null;
}

export function ckanResources(packageId: string, slug: string, distributions: Distribution[], firstPublished: string | null): CkanResource[] {
  return distributions.map((d, position) => {
    const modified = d.modified ? ckanTimestamp(d.modified) : null;
    return {
      id: ckanIds.resource(slug, d.id),
      package_id: packageId,
      name: d.title,
      description: d.description,
      url: d.url,
      format: d.format.name,
      mimetype: d.format.mediaType,
      mimetype_inner: null,
      size: d.byteSize,
      hash: d.sha256 ?? '',
      created: firstPublished ? ckanTimestamp(firstPublished) : modified,
      last_modified: modified,
      metadata_modified: modified,
      position,
      resource_type: 'file',
      url_type: null,
      state: 'active',
      datastore_active: false,
      cache_url: null,
      cache_last_updated: null,
    };
  });
}
