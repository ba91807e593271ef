/**
 * How values read in French on the pages: numbers, dates, sizes, and the labels of the catalogue's
 * identifiers (update frequencies, column types, spatial granularity). Pure functions.
 */
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

export function formatNumber(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? numberFormat.format(n) : '';
}

/** `1 ligne`, `585 lignes`: French plural (0 and 1 are singular). */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${Math.abs(n) < 2 ? one : many}`;
}

function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `12 mars 2026`, `1er janvier 2026`. */
export function formatDate(iso: string | null | undefined): string {
  const date = parseDate(iso);
  return date ? dateFormat.format(date).replace(/^1 /, '1er ') : '';
}

/** `12 mars 2026 à 14:05` (Paris time). */
export function formatDateTime(iso: string | null | undefined): string {
  const date = parseDate(iso);
  return date ? dateTimeFormat.format(date).replace(/^1 /, '1er ') : '';
}

/** `545 Ko`, `1,2 Mo`: French units (octet), powers of 1024 as file managers show them. */
export function formatBytes(bytes: number | null | undefined): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return plural(bytes, 'octet', 'octets');
  const units = ['Ko', 'Mo', 'Go', 'To'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

const FREQUENCIES: Record<string, string> = {
  unknown: 'inconnue',
  punctual: 'ponctuelle',
  continuous: 'en continu',
  hourly: 'toutes les heures',
  daily: 'quotidienne',
  weekly: 'hebdomadaire',
  biweekly: 'toutes les deux semaines',
  monthly: 'mensuelle',
  bimonthly: 'tous les deux mois',
  quarterly: 'trimestrielle',
  semiannual: 'semestrielle',
  annual: 'annuelle',
  biennial: 'tous les deux ans',
  triennial: 'tous les trois ans',
  quinquennial: 'tous les cinq ans',
  irregular: 'irrégulière',
};

export function frequencyLabel(id: string | null | undefined): string {
  return id ? (FREQUENCIES[id] ?? id) : '';
}

const TYPES: Record<string, string> = {
  string: 'texte',
  integer: 'nombre entier',
  number: 'nombre décimal',
  boolean: 'booléen (oui ou non)',
  date: 'date',
  datetime: 'date et heure',
  time: 'heure',
  year: 'année',
  json: 'objet JSON',
};

export function typeLabel(kind: string): string {
  return TYPES[kind] ?? kind;
}

const GRANULARITIES: Record<string, string> = {
  country: 'pays',
  region: 'région',
  department: 'département',
  epci: 'intercommunalité',
  canton: 'canton',
  commune: 'commune',
  iris: 'IRIS',
  poi: 'point d’intérêt',
  other: 'autre',
};

export function granularityLabel(id: string | null | undefined): string {
  return id ? (GRANULARITIES[id] ?? id) : '';
}

/** Cuts a text at a word boundary: `limit` characters at most, an ellipsis when cut. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
