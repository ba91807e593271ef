import type { DatasetDetail, VersionView } from '../../catalogue/datasets-service';
import { formatBytes } from './format';
import { href, type QueryPairs } from './urls';

/**
 * The download links of a dataset, from the API's export routes with the page's current filters
 * (the explorer's), and the original file of the current version. Exports are streamed, so their
 * size is not known before they are made: without filters it is estimated from the original file
 * and said to be an estimate; the original file's size is exact.
 */
export interface Download {
  /** The link's text. */
  label: string;
  description: string;
  href: string;
  size: string;
}

/** Parameters that shape a records page but not an export. */
const PAGE_ONLY = ['_size', '_offset', '_next', '_count', '_facet', '_facet_size', '_group_by', '_agg'];

export function exportFilters(pairs: QueryPairs): QueryPairs {
  return pairs.filter(([name]) => !PAGE_ONLY.includes(name));
}

function estimates(detail: DatasetDetail, version: VersionView | undefined) {
  if (!version) return { csv: '', json: '', geojson: '' };
  const rows = detail.record_count;
  const keys = detail.fields.reduce((sum, f) => sum + f.name.length + 4, 2);
  const json = version.bytes + rows * keys;
  const about = (n: number) => `environ ${formatBytes(n)}`;
  return { csv: about(version.bytes), json: about(json), geojson: about(json + rows * 70) };
}

export function toDownloads(detail: DatasetDetail, version: VersionView | undefined, pagePairs: QueryPairs = []): Download[] {
  const exports = detail.links.exports;
  const filters = exportFilters(pagePairs);
  const filtered = filters.length > 0;
  const size = filtered ? { csv: 'selon le filtre', json: 'selon le filtre', geojson: 'selon le filtre' } : estimates(detail, version);
  const downloads: Download[] = [
    { label: 'Télécharger en CSV', description: 'séparateur virgule, encodage UTF-8 : pour les logiciels de données et les tableurs configurés en anglais', href: href(exports.csv, filters), size: size.csv },
    { label: 'Télécharger en CSV pour Excel', description: 'séparateur point-virgule, virgule décimale, UTF-8 avec BOM : s’ouvre tel quel dans Excel en français', href: href(exports.csv, [...filters, ['_profile', 'excel-fr']]), size: size.csv },
    { label: 'Télécharger en JSON', description: 'une liste d’objets, un par ligne du tableau', href: href(exports.json, filters), size: size.json },
  ];
  if (exports.geojson) {
    downloads.push({ label: 'Télécharger en GeoJSON', description: 'les lignes comme objets géographiques (WGS84), pour les logiciels de cartographie', href: href(exports.geojson, filters), size: size.geojson });
  }
  if (version && !filtered) {
    downloads.push({
      label: 'Télécharger le fichier d’origine',
      description: `le fichier déposé par le producteur pour la version ${version.number} (${version.source_name}), tel quel`,
      href: `${detail.links.versions}/${version.number}/source`,
      size: formatBytes(version.bytes),
    });
  }
  return downloads;
}
