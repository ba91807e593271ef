import { formatNumber, truncate } from './format';

/**
 * One cell of a data table as a person reads it: dates the French way, decimals with a comma,
 * booleans as oui / non, geometries summed up (a polygon's coordinates are no use in a table),
 * long texts cut, web addresses as links. Integers keep their digits as they are: years, codes
 * and identifiers must not get thousands separators.
 */
export interface Cell {
  text: string;
  /** A safe http(s) link to show instead of plain text. */
  link?: string;
  numeric: boolean;
  /** The full value, when the text shows a shortened one. */
  full?: string;
}

const LONG_TEXT = 160;

const GEOMETRY_NAMES: Record<string, string> = {
  Point: 'point',
  MultiPoint: 'points',
  LineString: 'ligne',
  MultiLineString: 'lignes',
  Polygon: 'polygone',
  MultiPolygon: 'multipolygone',
  GeometryCollection: 'collection de géométries',
};

function countPositions(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce((sum: number, c) => sum + countPositions(c), 0);
}

/** `polygone de 54 sommets`, or a shortened JSON text for any other object. */
function jsonText(value: unknown): string {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return truncate(value, 80);
    }
  }
  const object = parsed as { type?: unknown; coordinates?: unknown } | null;
  if (object && typeof object.type === 'string' && GEOMETRY_NAMES[object.type]) {
    if (object.type === 'Point' && Array.isArray(object.coordinates)) {
      return `point (${object.coordinates.slice(0, 2).map((c) => formatNumber(Number(c))).join(' ; ')})`;
    }
    const n = countPositions(object.coordinates);
    return `${GEOMETRY_NAMES[object.type]}${n ? ` de ${formatNumber(n)} sommets` : ''}`;
  }
  return truncate(JSON.stringify(parsed), 80);
}

function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

export function formatCell(value: unknown, kind: string): Cell {
  if (value === null || value === undefined || value === '') return { text: '', numeric: false };
  switch (kind) {
    case 'integer':
    case 'year':
      return { text: String(value), numeric: true };
    case 'number':
      return { text: typeof value === 'number' ? String(value).replace('.', ',') : String(value), numeric: true };
    case 'boolean':
      return { text: value === true || value === 'true' ? 'oui' : 'non', numeric: false };
    case 'date':
    case 'datetime':
      return { text: frenchDate(String(value)), numeric: false };
    case 'json':
      return { text: jsonText(value), numeric: false };
    default: {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      if (/^https?:\/\/\S+$/i.test(text)) return { text: truncate(text, 60), link: text, numeric: false };
      if (typeof value === 'number') return { text: String(value).replace('.', ','), numeric: true };
      return text.length > LONG_TEXT ? { text: truncate(text, LONG_TEXT), full: text, numeric: false } : { text, numeric: false };
    }
  }
}
