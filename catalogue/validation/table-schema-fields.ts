/**
 * One Frictionless Table Schema v1 field → one row-schema property. The JSON Schema side describes
 * the converted value (numbers, booleans, ISO dates); how to read the cell goes into x- keywords.
 * What frictionless-py ignores is ignored here too, and said in a warning.
 */
import type { ErrorDetail } from '../errors';
import { anchorPattern, compilePattern, patternSyntaxError } from './patterns';
import type { JsonSchema } from './row-schema';
import { isSchemaObject } from './schema-walk';
import {
  DEFAULT_FALSE_VALUES,
  DEFAULT_TRUE_VALUES,
  readBoolean,
  readInteger,
  readNumber,
  readTemporal,
  type NumberReading,
  type TemporalKind,
  type ValueReader,
} from './table-schema-values';

export interface ImportedField {
  name: string;
  property: JsonSchema;
  required: boolean;
  unique: boolean;
}

/** Collects what a field import finds: French warnings, and problems that make the schema unusable. */
export interface ImportLog {
  warnings: string[];
  problems: ErrorDetail[];
}

const RANGE = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
const LENGTHS = ['minLength', 'maxLength'];
/** Constraints frictionless-py applies, per type (others are ignored there, and here). */
const SUPPORTED: Record<string, string[]> = {
  string: ['required', 'unique', ...LENGTHS, 'pattern', 'enum'],
  number: ['required', 'unique', ...RANGE, 'enum'],
  integer: ['required', 'unique', ...RANGE, 'enum'],
  boolean: ['required', 'enum'],
  date: ['required', 'unique', ...RANGE, 'enum'],
  datetime: ['required', 'unique', ...RANGE, 'enum'],
  time: ['required', 'unique', ...RANGE, 'enum'],
  year: ['required', 'unique', ...RANGE, 'enum'],
  yearmonth: ['required', 'unique', ...RANGE, 'enum'],
  duration: ['required', 'unique', ...RANGE, 'enum'],
  geopoint: ['required', 'unique', 'enum'],
  geojson: ['required', 'unique', ...LENGTHS, 'enum'],
  object: ['required', 'unique', ...LENGTHS, 'enum'],
  array: ['required', 'unique', ...LENGTHS, 'enum'],
  any: ['required', 'unique', 'enum'],
};
export const TABLE_SCHEMA_TYPES = Object.keys(SUPPORTED);
const ALL_CONSTRAINTS = new Set(Object.values(SUPPORTED).flat());

/** Field keys that change nothing for validation, or that we map. */
const FIELD_KEYS = new Set([
  'name', 'title', 'description', 'type', 'format', 'constraints', 'example', 'examples', 'rdfType',
  'trueValues', 'falseValues', 'decimalChar', 'groupChar', 'bareNumber', 'arrayItem', '$comment',
]);

// Longitude in [-180, 180], latitude in [-90, 90], as frictionless checks them.
const LON = '[+-]?(?:180(?:\\.0+)?|(?:1[0-7]\\d|\\d{1,2})(?:\\.\\d+)?)';
const LAT = '[+-]?(?:90(?:\\.0+)?|\\d(?:\\.\\d+)?|[1-8]\\d(?:\\.\\d+)?)';
const GEOPOINT_PATTERNS: Record<string, string> = {
  default: `^\\s*${LON}\\s*,\\s*${LAT}\\s*$`,
  array: `^\\s*\\[\\s*${LON}\\s*,\\s*${LAT}\\s*\\]\\s*$`,
  object: `^\\s*\\{\\s*(?:"lon"\\s*:\\s*${LON}\\s*,\\s*"lat"\\s*:\\s*${LAT}|"lat"\\s*:\\s*${LAT}\\s*,\\s*"lon"\\s*:\\s*${LON})\\s*\\}\\s*$`,
};
const YEARMONTH_PATTERN = '^\\d{4}-(?:0[1-9]|1[0-2])$';

class FieldImport {
  readonly property: JsonSchema = {};
  reader: ValueReader = (value) => value;

  constructor(
    readonly field: JsonSchema,
    readonly name: string,
    readonly type: string,
    private readonly path: string,
    private readonly log: ImportLog,
  ) {}

  warn(message: string): void {
    this.log.warnings.push(`Champ « ${this.name} » : ${message}`);
  }

  fail(keyword: string, subPath: string, message: string): void {
    this.log.problems.push({ keyword, path: `${this.path}${subPath}`, message: `champ « ${this.name} » : ${message}` });
  }

  read(value: unknown, keyword: string, subPath: string): unknown {
    const read = this.reader(value);
    if (read === undefined) this.fail(keyword, subPath, `la valeur ${JSON.stringify(value)} de ${keyword} n'est pas du type ${this.type}`);
    return read;
  }
}

function numberReading(f: FieldImport): NumberReading {
  const { decimalChar, groupChar, bareNumber } = f.field;
  const reading: NumberReading = {
    decimalChar: typeof decimalChar === 'string' && decimalChar !== '' ? decimalChar : '.',
    groupChar: typeof groupChar === 'string' && groupChar !== '' ? groupChar : undefined,
    bareNumber: bareNumber !== false,
  };
  if (reading.decimalChar !== '.') f.property['x-decimalChar'] = reading.decimalChar;
  if (reading.groupChar !== undefined) f.property['x-groupChar'] = reading.groupChar;
  if (!reading.bareNumber) f.property['x-bareNumber'] = false;
  return reading;
}

function stringList(f: FieldImport, key: string): string[] | undefined {
  const value = f.field[key];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  f.fail(key, `/${key}`, `${key} doit être une liste de textes`);
  return undefined;
}

/** Table Schema `format` of a temporal field → x-dateFormat (the cell's pattern; the value becomes ISO). */
function dateFormat(f: FieldImport): string | undefined {
  const format = f.field.format;
  if (format === undefined || format === 'default') return undefined;
  if (typeof format === 'string') {
    const pattern = format.startsWith('fmt:') ? format.slice(4) : format; // Table Schema v0 spelling
    if (pattern === 'any' || pattern.includes('%')) {
      f.property['x-dateFormat'] = pattern;
      return pattern;
    }
  }
  f.warn(`format ${JSON.stringify(format)} non reconnu : le format ISO par défaut est attendu.`);
  return undefined;
}

function typeField(f: FieldImport): void {
  const p = f.property;
  const format = f.field.format;
  const ignoreFormat = () => {
    if (format !== undefined && format !== 'default') f.warn(`format ${JSON.stringify(format)} ignoré pour le type ${f.type}.`);
  };
  switch (f.type) {
    case 'string':
      p.type = 'string';
      if (format === 'email' || format === 'uri' || format === 'uuid') p.format = format;
      else if (format === 'binary') f.warn('le format binary (base64) n’est pas vérifié.');
      else ignoreFormat();
      return;
    case 'number':
    case 'integer': {
      p.type = f.type;
      const reading = numberReading(f);
      f.reader = (v) => (f.type === 'number' ? readNumber(v, reading) : readInteger(v, reading));
      ignoreFormat();
      return;
    }
    case 'boolean': {
      p.type = 'boolean';
      const trueValues = stringList(f, 'trueValues');
      const falseValues = stringList(f, 'falseValues');
      // Listed values are exact (contract section 5); absent ones keep the contract's defaults.
      if (trueValues) p['x-trueValues'] = trueValues;
      if (falseValues) p['x-falseValues'] = falseValues;
      f.reader = (v) => readBoolean(v, trueValues ?? DEFAULT_TRUE_VALUES, falseValues ?? DEFAULT_FALSE_VALUES);
      ignoreFormat();
      return;
    }
    case 'date':
    case 'datetime':
    case 'time': {
      p.type = 'string';
      p.format = f.type === 'datetime' ? 'date-time' : f.type;
      const pattern = dateFormat(f);
      f.reader = (v) => readTemporal(v, f.type as TemporalKind, pattern);
      return;
    }
    case 'year':
      Object.assign(p, { type: 'integer', 'x-tableSchemaType': 'year' });
      f.reader = (v) => readInteger(v, { decimalChar: '.', bareNumber: true });
      ignoreFormat();
      return;
    case 'yearmonth':
      Object.assign(p, { type: 'string', pattern: YEARMONTH_PATTERN, 'x-tableSchemaType': 'yearmonth' });
      f.reader = (v) => (typeof v === 'string' && new RegExp(YEARMONTH_PATTERN).test(v) ? v : undefined);
      ignoreFormat();
      return;
    case 'duration':
      Object.assign(p, { type: 'string', format: 'duration', 'x-tableSchemaType': 'duration' });
      f.reader = (v) => (typeof v === 'string' ? v : undefined);
      ignoreFormat();
      return;
    case 'geopoint': {
      const shape = format === undefined ? 'default' : String(format);
      if (!GEOPOINT_PATTERNS[shape]) f.warn(`format geopoint ${JSON.stringify(format)} inconnu : format default (« lon, lat ») retenu.`);
      Object.assign(p, { type: 'string', pattern: GEOPOINT_PATTERNS[shape] ?? GEOPOINT_PATTERNS.default, 'x-tableSchemaType': 'geopoint' });
      return;
    }
    case 'geojson':
      Object.assign(p, { type: 'object', 'x-tableSchemaType': 'geojson' });
      f.warn('seul le fait que la cellule soit un objet JSON est vérifié, pas sa structure GeoJSON.');
      return;
    case 'object':
    case 'array':
      p.type = f.type;
      ignoreFormat();
      return;
    case 'any':
      p['x-tableSchemaType'] = 'any';
      return;
  }
}

function lengthKeyword(type: string, key: string): string {
  if (type === 'array') return key === 'minLength' ? 'minItems' : 'maxItems';
  if (type === 'object' || type === 'geojson') return key === 'minLength' ? 'minProperties' : 'maxProperties';
  return key;
}

function rangeKeyword(type: string, key: string): string | undefined {
  if (['number', 'integer', 'year'].includes(type)) return key;
  if (['date', 'datetime', 'time'].includes(type)) return `format${key[0].toUpperCase()}${key.slice(1)}`;
  return undefined; // yearmonth, duration: no JSON Schema keyword compares them
}

function constrain(f: FieldImport, key: string, value: unknown): void {
  const p = f.property;
  const at = `/constraints/${key}`;
  switch (key) {
    case 'minLength':
    case 'maxLength':
      if (Number.isInteger(value) && (value as number) >= 0) p[lengthKeyword(f.type, key)] = value;
      else f.fail(key, at, `${key} doit être un entier positif ou nul`);
      return;
    case 'pattern':
      if (typeof value !== 'string') f.fail(key, at, 'pattern doit être un texte');
      else if (!compilePattern(anchorPattern(value))) {
        f.fail(key, at, `le motif « ${value} » n'est pas une expression régulière valide (${patternSyntaxError(value) ?? 'une fois ancré'})`);
      } else p.pattern = value;
      return;
    case 'enum':
      if (!Array.isArray(value) || value.length === 0) f.fail(key, at, 'enum doit être une liste non vide');
      else if (f.type === 'string') p.enum = value.map((v) => (typeof v === 'string' ? v : String(v)));
      else p.enum = value.map((v, i) => f.read(v, key, `${at}/${i}`));
      return;
    default: {
      const keyword = rangeKeyword(f.type, key);
      if (!keyword) f.warn(`la contrainte ${key} n'est pas vérifiée pour le type ${f.type}.`);
      else {
        const read = f.read(value, key, at);
        if (read !== undefined) p[keyword] = read;
      }
    }
  }
}

function importConstraints(f: FieldImport): { required: boolean; unique: boolean } {
  const constraints = f.field.constraints;
  if (constraints === undefined) return { required: false, unique: false };
  if (!isSchemaObject(constraints)) {
    f.fail('constraints', '/constraints', 'constraints doit être un objet');
    return { required: false, unique: false };
  }
  const supported = SUPPORTED[f.type];
  for (const [key, value] of Object.entries(constraints)) {
    if (key === 'required' || key === 'unique') continue;
    if (!ALL_CONSTRAINTS.has(key)) f.warn(`contrainte inconnue « ${key} » ignorée.`);
    else if (!supported.includes(key)) f.warn(`la contrainte ${key} ne s'applique pas au type ${f.type} ; elle est ignorée, comme le fait frictionless.`);
    else constrain(f, key, value);
  }
  return { required: constraints.required === true, unique: constraints.unique === true };
}

function importExamples(f: FieldImport): void {
  const examples = [
    ...(f.field.example !== undefined ? [f.field.example] : []),
    ...(Array.isArray(f.field.examples) ? f.field.examples : f.field.examples !== undefined ? [f.field.examples] : []),
  ];
  if (examples.length > 0) f.property.examples = examples;
}

function importArrayItem(f: FieldImport, log: ImportLog, path: string): void {
  const item = f.field.arrayItem;
  if (item === undefined) return;
  if (f.type !== 'array' || !isSchemaObject(item)) {
    f.warn('arrayItem ne s’applique qu’à un champ de type array ; il est ignoré.');
    return;
  }
  const imported = importField({ ...item, name: `${f.name}[]` }, `${path}/arrayItem`, log);
  if (!imported) return;
  f.property.items = imported.property;
  f.warn('arrayItem (extension de frictionless-py, absente de Table Schema v1) est appliqué à chaque élément de la liste.');
}

/** `undefined` when the field cannot be imported (the reason is in `log.problems`). */
export function importField(field: unknown, path: string, log: ImportLog): ImportedField | undefined {
  if (!isSchemaObject(field) || typeof field.name !== 'string' || field.name === '') {
    log.problems.push({ keyword: 'name', path: `${path}/name`, message: 'chaque champ doit avoir un nom (name) non vide' });
    return undefined;
  }
  const type = field.type === undefined ? 'string' : field.type; // Table Schema's default type
  if (typeof type !== 'string' || !SUPPORTED[type]) {
    log.problems.push({
      keyword: 'type',
      path: `${path}/type`,
      message: `champ « ${field.name} » : type ${JSON.stringify(type)} inconnu (types Table Schema : ${TABLE_SCHEMA_TYPES.join(', ')})`,
    });
    return undefined;
  }
  const f = new FieldImport(field, field.name, type, path, log);
  if (typeof field.title === 'string') f.property.title = field.title;
  if (typeof field.description === 'string') f.property.description = field.description;
  typeField(f);
  const { required, unique } = importConstraints(f);
  importExamples(f);
  importArrayItem(f, log, path);
  for (const key of Object.keys(field)) {
    if (FIELD_KEYS.has(key)) continue;
    if (ALL_CONSTRAINTS.has(key)) f.warn(`« ${key} » est placé hors de « constraints » ; il est ignoré, comme le fait frictionless.`);
    else f.warn(`propriété « ${key} » inconnue, ignorée.`);
  }
  return { name: field.name, property: f.property, required, unique };
}
