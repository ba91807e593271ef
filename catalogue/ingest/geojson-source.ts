import fs from 'node:fs';
import { createDecoder, type EncodingChoice } from './encoding';
import type { SniffedDialect } from './sniff';

/**
 * GeoJSON input (RFC 7946): a FeatureCollection becomes a table, one record per feature, so that
 * the rest of the pipeline (header mapping, conversion, validation, keys, profiles, load) is the
 * CSV one. The header is every property name met in the features, in first-seen order, then
 * `geometry`; a feature's cells are its properties as text (numbers and booleans as JSON writes
 * them, objects and lists as JSON) and its geometry as GeoJSON text. Feature `id`s are not read:
 * an identifier belongs in the properties.
 *
 * Reference layers (commune contours…) are a few megabytes, so the file is read whole, within
 * GEOJSON_MAX_BYTES, rather than through a streaming JSON parser: a larger file is refused with a
 * message that says so. Row numbers follow the CSV convention: the header is row 1, the first
 * feature row 2.
 */
export const GEOJSON_MAX_BYTES = 64 * 1024 * 1024;
export const GEOMETRY_COLUMN = 'geometry';

export interface GeoJsonHandlers {
  onRecord(record: string[]): void;
  /** A problem with the file (`row` absent) or with one feature (`row` given): a `source-error`. */
  onSourceError(message: string, row?: number): void;
  drain(): Promise<void> | null;
  onProgress?(bytesRead: number): void;
}

/** What the report's dialect says for a GeoJSON file (no delimiter or quote to detect). */
const GEOJSON_DIALECT: SniffedDialect = { delimiter: ',', quote: '"', lineTerminator: '\n', skipInitialSpace: false };
const DRAIN_EVERY = 2000;

/** The first character after the BOM and white space is `{`: a JSON object, never a CSV header. */
export async function startsLikeJson(filePath: string, encoding: EncodingChoice): Promise<boolean> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, encoding.skip);
    const text = createDecoder(encoding.encoding).write(head.subarray(0, bytesRead));
    return text.trimStart().startsWith('{');
  } finally {
    await handle.close();
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Where V8's JSON error says the problem is, in French: « vers la ligne 12, colonne 5 » from its
 * `at position 1234`, else the excerpt it quotes (`…"{"type": } ]}" is not valid JSON`).
 */
function jsonErrorPlace(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (position) {
    const at = Number(position[1]);
    const before = text.slice(0, at);
    return ` (vers la ligne ${before.split('\n').length}, colonne ${at - before.lastIndexOf('\n')})`;
  }
  const excerpt = /"(.{1,80})" is not valid JSON/s.exec(message);
  return excerpt ? ` (près de « ${excerpt[1].replace(/\s+/g, ' ').trim()} »)` : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerOf(features: unknown[]): string[] {
  const names = new Set<string>();
  for (const feature of features) {
    if (!isObject(feature) || !isObject(feature.properties)) continue;
    for (const name of Object.keys(feature.properties)) if (name !== GEOMETRY_COLUMN) names.add(name);
  }
  return [...names, GEOMETRY_COLUMN];
}

export async function readGeoJson(filePath: string, encoding: EncodingChoice, totalBytes: number, handlers: GeoJsonHandlers): Promise<SniffedDialect> {
  if (totalBytes > GEOJSON_MAX_BYTES) {
    handlers.onSourceError(`Le fichier GeoJSON pèse ${Math.ceil(totalBytes / 1048576)} Mo : au-delà de ${GEOJSON_MAX_BYTES / 1048576} Mo, `
      + 'déposez les données en CSV (une colonne de géométrie en WKT ou GeoJSON).');
    return GEOJSON_DIALECT;
  }
  const decoder = createDecoder(encoding.encoding);
  const bytes = await fs.promises.readFile(filePath);
  const text = decoder.write(bytes.subarray(encoding.skip)) + decoder.end();
  handlers.onProgress?.(bytes.length);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    handlers.onSourceError(`Le fichier n'est pas un JSON valide${jsonErrorPlace(text, (error as Error).message)} : vérifiez les accolades, crochets et virgules.`);
    return GEOJSON_DIALECT;
  }
  if (!isObject(document) || document.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
    const type = isObject(document) && typeof document.type === 'string' ? ` (type « ${document.type} »)` : '';
    handlers.onSourceError(`Le fichier JSON n'est pas une collection d'objets GeoJSON${type} : une FeatureCollection avec une liste « features » est attendue.`);
    return GEOJSON_DIALECT;
  }
  const features: unknown[] = document.features;
  const header = headerOf(features);
  const names = header.slice(0, -1);
  handlers.onRecord(header);
  for (let i = 0; i < features.length; i++) {
    const feature = features[i];
    if (!isObject(feature) || feature.type !== 'Feature') {
      handlers.onSourceError(`L'élément n° ${i + 1} de « features » n'est pas un objet GeoJSON de type Feature.`, i + 2);
    } else {
      const properties = isObject(feature.properties) ? feature.properties : {};
      handlers.onRecord([...names.map((name) => cellText(properties[name])), cellText(feature.geometry)]);
    }
    if ((i + 1) % DRAIN_EVERY === 0) {
      const wait = handlers.drain();
      if (wait) await wait;
    }
  }
  return GEOJSON_DIALECT;
}
