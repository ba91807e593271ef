import type { DatasetDetail, VersionView } from '../../catalogue/datasets-service';
import { FORMATS, formatOfFileName, type FileFormat } from './vocabularies';

/**
 * A dataset's distributions as every harvester format lists them: one per export format of the
 * current version (streamed, so no byte size), and the original file with its exact size and
 * SHA-256. URLs are absolute (built on the site's base URL).
 */
export interface Distribution {
  /** Stable across versions for exports (`csv`, `json`…); `source` for the original file. */
  id: string;
  kind: 'export' | 'original';
  /** French title, as shown to people. */
  title: string;
  description: string;
  url: string;
  format: FileFormat;
  /** Only the original file has a known size and checksum. */
  byteSize: number | null;
  sha256: string | null;
  /** DCAT-AP 2.1.1 admits only SHA-1 checksums; null for files stored before it was kept. */
  sha1: string | null;
  /** When the bytes last changed: the current version's publication. */
  modified: string | null;
}

const EXPORT_TEXTS: Record<string, { title: string; description: string }> = {
  csv: { title: 'Export CSV', description: 'Toutes les lignes de la version courante, séparateur virgule, UTF-8.' },
  json: { title: 'Export JSON', description: 'Toutes les lignes de la version courante, une liste d’objets JSON.' },
  ndjson: { title: 'Export NDJSON', description: 'Toutes les lignes de la version courante, un objet JSON par ligne.' },
  geojson: { title: 'Export GeoJSON', description: 'Les lignes comme objets géographiques (WGS84).' },
};

/** The current version of a dataset, if any, from its version list (newest first). */
export function currentVersion(detail: DatasetDetail, versions: readonly VersionView[]): VersionView | undefined {
  return detail.version === null ? undefined : versions.find((v) => v.number === detail.version);
}

export function datasetDistributions(detail: DatasetDetail, version: VersionView | undefined, baseUrl: string): Distribution[] {
  if (!version) return [];
  const modified = version.published_at ?? version.created_at;
  const list: Distribution[] = Object.entries(detail.links.exports).map(([format, path]) => ({
    id: format,
    kind: 'export',
    title: EXPORT_TEXTS[format]?.title ?? `Export ${format}`,
    description: EXPORT_TEXTS[format]?.description ?? '',
    url: baseUrl + path,
    format: FORMATS[format] ?? FORMATS.csv,
    byteSize: null,
    sha256: null,
    sha1: null,
    modified,
  }));
  list.push({
    id: 'source',
    kind: 'original',
    title: `Fichier d’origine (${version.source_name})`,
    description: `Le fichier déposé par le producteur pour la version ${version.number}, tel quel.`,
    url: `${baseUrl}${detail.links.versions}/${version.number}/source`,
    format: formatOfFileName(version.source_name),
    byteSize: version.bytes,
    sha256: version.sha256,
    sha1: version.sha1,
    modified,
  });
  return list;
}
