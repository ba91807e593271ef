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
  tsv: { name: 'TSV', mediaType: 'text/tab-separated-values', fileTypeUri: EU_FILE_TYPE + 'TSV' },
};

/** The format of an original file, from its name (a steward may have uploaded a .txt CSV). */
export function formatOfFileName(name: string): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'geojson') return FORMATS.geojson;
  if (ext === 'json') return FORMATS.json;
  if (ext === 'tsv' || ext === 'tab') return FORMATS.tsv;
  return FORMATS.csv;
}

const EU_DATA_THEME = 'http://publications.europa.eu/resource/authority/data-theme/';

/** The EU data themes we map to, with their French labels from the EU authority table. */
const DATA_THEME_LABELS: Record<string, string> = {
  AGRI: 'Agriculture, pêche, sylviculture et alimentation',
  ECON: 'Économie et finances',
  EDUC: 'Éducation, culture et sport',
  ENER: 'Énergie',
  ENVI: 'Environnement',
  GOVE: 'Gouvernement et secteur public',
  HEAL: 'Santé',
  JUST: 'Justice, système juridique et sécurité publique',
  REGI: 'Régions et villes',
  SOCI: 'Population et société',
  TECH: 'Science et technologie',
  TRAN: 'Transports',
};

/**
 * Our themes are free French labels; the EU data themes (13 codes) are what European portals
 * facet on. Only the obvious matches are listed (keys folded: lower case, no accents); a theme
 * with no obvious EU counterpart (« Équipements publics ») keeps its own label only.
 */
const DATA_THEME_CODES: Record<string, string> = {
  agriculture: 'AGRI',
  citoyennete: 'GOVE',
  culture: 'EDUC',
  dechets: 'ENVI',
  economie: 'ECON',
  education: 'EDUC',
  energie: 'ENER',
  environnement: 'ENVI',
  'finances publiques': 'ECON',
  gouvernance: 'GOVE',
  justice: 'JUST',
  mobilite: 'TRAN',
  sante: 'HEAL',
  science: 'TECH',
  securite: 'JUST',
  societe: 'SOCI',
  sports: 'EDUC',
  territoires: 'REGI',
  transports: 'TRAN',
};

const foldLabel = (label: string) => label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

export interface DataTheme {
  uri: string;
  /** The EU table's French label. */
  label: string;
}

/** The EU data theme of one of our theme labels, or null when there is no obvious one. */
export function dataTheme(theme: string): DataTheme | null {
  const code = DATA_THEME_CODES[foldLabel(theme)];
  return code ? { uri: EU_DATA_THEME + code, label: DATA_THEME_LABELS[code] } : null;
}

/**
 * A media type's URI in the IANA registry (DCAT `dcat:mediaType`), or null for an unregistered
 * `x-` type such as application/x-ndjson, which has no such page.
 */
export function ianaMediaTypeUri(mediaType: string): string | null {
  return /^[a-z]+\/(?!x-)[a-z0-9.+-]+$/.test(mediaType) ? `https://www.iana.org/assignments/media-types/${mediaType}` : null;
}

/** ADMS licence types (DCAT-AP recommends `dct:type` on a licence document), with their labels. */
const ADMS_LICENCE_TYPE = 'http://purl.org/adms/licencetype/';
export interface LicenceType {
  uri: string;
  label: string;
}
const ATTRIBUTION = { uri: ADMS_LICENCE_TYPE + 'Attribution', label: 'Attribution' };
export const LICENCE_TYPES: Record<string, LicenceType[]> = {
  'etalab-2.0': [ATTRIBUTION],
  'ODbL-1.0': [ATTRIBUTION, { uri: ADMS_LICENCE_TYPE + 'ShareAlike', label: 'Share alike' }],
  'CC-BY-4.0': [ATTRIBUTION],
  'CC0-1.0': [{ uri: ADMS_LICENCE_TYPE + 'PublicDomain', label: 'Public domain' }],
};
