/**
 * The shared vocabularies every harvester format speaks (DCAT-AP, CKAN, schema.org): licence
 * URIs, EU frequency URIs, file types and media types. One table each, so that the Turtle, the
 * CKAN JSON and the schema.org block of a dataset never disagree.
 */

/** Licence documents as stable URIs (DCAT `dct:license`, schema.org `license`). */
export const LICENCE_URIS: Record<string, string> = {
  'etalab-2.0': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
};

/** data.gouv.fr's licence identifiers, which its CKAN harvester maps from `license_id`. */
export const CKAN_LICENCE_IDS: Record<string, string> = {
  'etalab-2.0': 'lov2',
  'ODbL-1.0': 'odc-odbl',
  'CC-BY-4.0': 'cc-by',
  'CC0-1.0': 'cc-zero',
};

const EU_FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/';

/** data.gouv.fr frequencies (dataset.json) → EU Publications Office frequency authority codes. */
const FREQUENCY_CODES: Record<string, string> = {
  unknown: 'UNKNOWN',
  punctual: 'NEVER',
  continuous: 'CONT',
  hourly: 'HOURLY',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  biweekly: 'BIWEEKLY',
  monthly: 'MONTHLY',
  bimonthly: 'BIMONTHLY',
  quarterly: 'QUARTERLY',
  semiannual: 'ANNUAL_2',
  annual: 'ANNUAL',
  biennial: 'BIENNIAL',
  triennial: 'TRIENNIAL',
  quinquennial: 'QUINQUENNIAL',
  irregular: 'IRREG',
};

/** The EU frequency URI of a dataset's frequency, or null when it has none we can name. */
export function frequencyUri(frequency: string | null | undefined): string | null {
  const code = frequency ? FREQUENCY_CODES[frequency] : undefined;
  return code ? EU_FREQUENCY + code : null;
}

/** A distribution's format: its short name, IANA media type and EU file-type authority URI. */
export interface FileFormat {
  /** Short name as CKAN and data.gouv.fr show it: CSV, JSON… */
  name: string;
  mediaType: string;
  fileTypeUri: string;
}

const EU_FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';

export const FORMATS: Record<string, FileFormat> = {
  csv: { name: 'CSV', mediaType: 'text/csv', fileTypeUri: EU_FILE_TYPE + 'CSV' },
  json: { name: 'JSON', mediaType: 'application/json', fileTypeUri: EU_FILE_TYPE + 'JSON' },
  ndjson: { name: 'NDJSON', mediaType: 'application/x-ndjson', fileTypeUri: EU_FILE_TYPE + 'JSON' },
  geojson: { name: 'GeoJSON', mediaType: 'application/geo+json', fileTypeUri: EU_FILE_TYPE + 'GEOJSON' },
};

/** The format of an original file, from its name (a steward may have uploaded a .txt CSV). */
export function formatOfFileName(name: string): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'geojson') return FORMATS.geojson;
  if (ext === 'json') return FORMATS.json;
  return FORMATS.csv;
}
