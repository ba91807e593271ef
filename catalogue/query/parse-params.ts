import { CatalogueError, type ErrorDetail } from '../errors';
import type { QueryParams } from '../records';
import type { TableFeatures } from '../storage/dialects/query-dialect';
import { checkWhere } from './compile-where';
import { convertValue } from './convert-value';
import { decodeCursor } from './cursor';
import { checkBox } from './geo-conditions';
import { parseFilter } from './parse-filter';
import { parseAggregates, parseFieldList, parseSort, splitList, type Problems } from './parse-shape-params';
import { FieldIndex, NUMERIC_KINDS, type QueryField } from './query-fields';
import { QUERY_LIMITS, type Bbox, type Filter, type RecordsQuery, type SortKey } from './records-query';
import { parseSearchWords } from './search-words';
import { parseWhereText } from './where-text';

/**
 * The raw query string of a records request → a checked RecordsQuery (contract section 6). Every
 * problem is collected and reported at once: CatalogueError('bad-request', 'Paramètres invalides')
 * with one detail per problem, `path` naming the parameter. Names are accepted only when the
 * dataset has them (architecture point 7: public endpoints declare their limits).
 */
export const RESERVED_PARAMS = [
  '_where', '_select', '_sort', '_size', '_next', '_offset', '_q', '_bbox', '_facet', '_facet_size', '_group_by', '_agg', '_count',
] as const;
/** Read by the export layer; accepted and ignored here. */
export const EXPORT_PARAMS = ['_delimiter', '_bom', '_decimal', '_profile'] as const;

const KNOWN = new Set<string>([...RESERVED_PARAMS, ...EXPORT_PARAMS]);
/** Parameters that may be given more than once. */
const REPEATABLE = new Set(['_facet']);

class ProblemList implements Problems {
  readonly details: ErrorDetail[] = [];
  add(path: string, message: string): void {
    this.details.push({ path, message });
  }
}

function valuesOf(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function integer(param: string, text: string, min: number, max: number, problems: Problems): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  problems.add(param, `${param} : un entier entre ${min} et ${max} attendu, pas « ${text} »`);
  return undefined;
}

/**
 * A cursor value must be one its sort column can hold, as a page's last row gives it: PostgreSQL
 * refuses to compare a bigint with 1.5 or a date with 'zzz' (an error, not "no rows"), so a forged
 * cursor that only had the right JS type would end in a 500.
 */
function cursorValueFits(kind: string, value: unknown): boolean {
  if (value === null) return true;
  if (kind === 'integer') return Number.isSafeInteger(value);
  if (kind === 'year') return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 9999;
  if (NUMERIC_KINDS.has(kind)) return typeof value === 'number' && Number.isFinite(value);
  if (kind === 'boolean') return typeof value === 'boolean';
  if (typeof value !== 'string') return false;
  return kind === 'date' || kind === 'datetime' ? convertValue(kind, value).ok : true;
}

function parseCursor(text: string, sort: readonly SortKey[], fields: FieldIndex, problems: Problems): RecordsQuery['after'] {
  const cursor = decodeCursor(text);
  const fits = cursor !== null && cursor.values.length === sort.length
    && sort.every((key, i) => cursorValueFits(fields.get(key.field)?.kind ?? '', cursor.values[i]));
  if (!cursor || !fits) {
    problems.add('_next', "_next : curseur illisible ou fait pour un autre tri ; reprenez depuis la première page, avec le lien « next » de la réponse");
    return undefined;
  }
  return { version: cursor.version, values: cursor.values, id: cursor.id };
}

/** The version a `_next` cursor was made on, read before the version's fields are known; undefined without a (valid) cursor. */
export function cursorVersion(params: QueryParams): number | undefined {
  const [text] = valuesOf(params._next);
  return typeof text === 'string' ? decodeCursor(text)?.version : undefined;
}

export interface ParseOptions {
  /** What the version table offers; unknown features are assumed present (the compiler checks again). */
  features?: TableFeatures;
}

export function parseRecordsParams(params: QueryParams, fieldList: readonly QueryField[], options: ParseOptions = {}): RecordsQuery {
  const fields = new FieldIndex(fieldList);
  const features = options.features ?? { search: true, geo: true };
  const problems = new ProblemList();
  const filters: Filter[] = [];
  const reserved = new Map<string, string[]>();

  for (const [param, raw] of Object.entries(params)) {
    const given = valuesOf(raw);
    if (given.length === 0) continue;
    // A query-string parser may turn `a[b]=c` into objects: only plain text is a value here.
    const values = given.filter((v): v is string => typeof v === 'string');
    if (values.length < given.length) {
      problems.add(param, `${param} : valeur illisible (texte attendu)`);
      continue;
    }
    // No stored text holds U+0000 (the ingest refuses such files), and PostgreSQL rejects it in
    // any bound text: refused here, whichever parameter carries it, rather than a 500 there.
    if (values.some((v) => v.includes('\0'))) {
      problems.add(param, `${param} : caractère nul (U+0000) interdit dans une valeur`);
      continue;
    }
    if (KNOWN.has(param)) {
      if (values.length > 1 && !REPEATABLE.has(param)) problems.add(param, `${param} : paramètre donné ${values.length} fois, une seule attendue`);
      reserved.set(param, values);
    } else if (param.startsWith('_') && !fields.get(param)) {
      problems.add(param, `paramètre « ${param} » inconnu ; paramètres permis : ${RESERVED_PARAMS.join(', ')}, ou un filtre colonne=valeur ou colonne__opérateur=valeur`);
    } else {
      for (const text of values) {
        const parsed = parseFilter(param, text, fields);
        if (parsed.ok) filters.push(parsed.filter);
        else parsed.messages.forEach((m) => problems.add(param, m));
      }
    }
  }
  const one = (param: string): string | undefined => reserved.get(param)?.[0];

  const query: RecordsQuery = {
    filters, sort: [], facets: [], facetSize: QUERY_LIMITS.defaultFacetSize, size: QUERY_LIMITS.defaultSize, count: true,
  };

  const groupBy = one('_group_by');
  const agg = one('_agg');
  if (groupBy !== undefined) query.groupBy = parseFieldList('_group_by', groupBy, fields, problems);
  if (agg !== undefined) query.aggregates = parseAggregates(agg, fields, problems);
  if (query.groupBy && !query.aggregates) query.aggregates = [{ fn: 'count', key: 'count' }];
  const grouped = query.groupBy !== undefined || query.aggregates !== undefined;
  for (const key of query.aggregates ?? []) {
    if (query.groupBy?.includes(key.key)) problems.add('_agg', `_agg : « ${key.key} » est aussi une colonne de regroupement`);
  }

  const select = one('_select');
  if (select !== undefined) {
    if (grouped) problems.add('_select', '_select ne se combine pas avec _group_by ou _agg : les colonnes sont celles du regroupement');
    else query.select = parseFieldList('_select', select, fields, problems);
  }
  const sort = one('_sort');
  if (sort !== undefined) {
    const allowed = grouped ? [...(query.groupBy ?? []), ...(query.aggregates ?? []).map((a) => a.key)] : fieldList.map((f) => f.name);
    query.sort = parseSort(sort, allowed, problems);
  }
  for (const text of reserved.get('_facet') ?? []) {
    for (const name of parseFieldList('_facet', text, fields, problems)) if (!query.facets.includes(name)) query.facets.push(name);
  }

  const size = one('_size');
  if (size !== undefined) query.size = integer('_size', size, 0, QUERY_LIMITS.maxSize, problems) ?? query.size;
  const offset = one('_offset');
  if (offset !== undefined) query.offset = integer('_offset', offset, 0, QUERY_LIMITS.maxOffset, problems);
  const facetSize = one('_facet_size');
  if (facetSize !== undefined) query.facetSize = integer('_facet_size', facetSize, 1, QUERY_LIMITS.maxFacetSize, problems) ?? query.facetSize;
  const next = one('_next');
  if (next !== undefined) {
    if (offset !== undefined) problems.add('_next', '_next et _offset ne se combinent pas : le curseur sait déjà où reprendre');
    if (grouped) problems.add('_next', '_next ne s\'emploie pas avec _group_by ou _agg (utilisez _offset)');
    query.after = parseCursor(next, query.sort, fields, problems);
  }

  const count = one('_count');
  if (count !== undefined) {
    if (count === 'true' || count === 'false') query.count = count === 'true';
    else problems.add('_count', `_count : true ou false attendu, pas « ${count} »`);
  }
  parseSearchParams(one('_q'), one('_bbox'), fieldList, features, query, problems);

  const where = one('_where');
  if (where !== undefined && where.trim() !== '') {
    const parsed = parseWhereText(where);
    if (!parsed.ok) problems.add('_where', `_where, ${parsed.message}`);
    else {
      checkWhere(parsed.tree, fields, features).forEach((m) => problems.add('_where', `_where, ${m}`));
      query.where = parsed.tree;
    }
  }

  if (problems.details.length > 0) throw new CatalogueError('bad-request', 'Paramètres invalides', problems.details);
  return query;
}

function parseSearchParams(
  q: string | undefined, bbox: string | undefined, fields: readonly QueryField[], features: TableFeatures, query: RecordsQuery, problems: Problems,
): void {
  if (q !== undefined && parseSearchWords(q).length > 0) {
    if (!features.search || !fields.some((f) => f.kind === 'string')) problems.add('_q', "_q : ce jeu de données n'a pas de colonne texte indexée pour la recherche");
    else query.search = q;
  }
  if (bbox !== undefined) {
    const numbers = splitList(bbox).map((s) => (/^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN));
    const problem = numbers.length === 4 ? checkBox(numbers) : 'quatre nombres attendus : minLon, minLat, maxLon, maxLat';
    if (problem) problems.add('_bbox', `_bbox : ${problem}`);
    else if (!features.geo) problems.add('_bbox', "_bbox : ce jeu de données n'a pas de coordonnées géographiques");
    else query.bbox = numbers as Bbox;
  }
}
