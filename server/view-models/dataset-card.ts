import type { DatasetListItem } from '../../catalogue/datasets-service';
import { formatDate, plural } from './format';
import { toLicence } from './licences';
import { plainExcerpt } from './markdown';
import { pageLinks } from './urls';

/** A dataset in a list (home, search results, organisation page). */
export function toDatasetCard(d: DatasetListItem) {
  return {
    title: d.title,
    href: pageLinks.dataset(d.slug),
    excerpt: plainExcerpt(d.description, 220),
    organization: { title: d.organization.title, href: pageLinks.organization(d.organization.slug) },
    themes: d.themes,
    records: d.version === null ? 'aucune version publiée' : plural(d.record_count, 'ligne', 'lignes'),
    updated: formatDate(d.updated_at),
    updatedIso: d.updated_at,
    licence: toLicence(d.licence).short,
    geo: d.geo,
  };
}

export type DatasetCard = ReturnType<typeof toDatasetCard>;
