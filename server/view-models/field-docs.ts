import type { ColumnProfileView, FieldDescription } from '../../catalogue/datasets-service';
import type { JsonSchema, RowSchema } from '../../catalogue/validation/row-schema';
import { formatCell } from './cells';
import { formatNumber, typeLabel } from './format';

/**
 * The documentation of each column, from the row schema (title, description, type, constraints,
 * example) and its profile, computed when the version was loaded and only read here (nulls,
 * distinct values, min and max, most frequent values drawn as small SVG bars whose widths are
 * computed here, with the counts written out: the bars add nothing that the text does not say).
 */
const FORMATS: Record<string, string> = {
  date: 'date (AAAA-MM-JJ)',
  'date-time': 'date et heure ISO 8601',
  time: 'heure (HH:MM)',
  email: 'adresse électronique',
  uri: 'adresse web',
  uuid: 'identifiant UUID',
};

const BAR_WIDTH = 120;
/** Kinds whose min and max mean something to a reader (not text: its alphabetical ends do not). */
const RANGED = new Set(['integer', 'number', 'year', 'date', 'datetime', 'time']);
const TOP_SHOWN = 5;

function list(values: unknown[], limit = 12): string {
  const shown = values.slice(0, limit).map((v) => (typeof v === 'string' ? `« ${v} »` : JSON.stringify(v)));
  return values.length > limit ? `${shown.join(', ')}… (${values.length} valeurs)` : shown.join(', ');
}

function constraintsOf(name: string, property: JsonSchema, schema: RowSchema): string[] {
  const out: string[] = [];
  const primaryKey = schema['x-primaryKey'] ?? [];
  if (primaryKey.includes(name)) out.push(primaryKey.length === 1 ? 'clé primaire : une valeur différente sur chaque ligne' : `fait partie de la clé primaire (${primaryKey.join(', ')})`);
  for (const key of schema['x-uniqueKeys'] ?? []) if (key.includes(name)) out.push(key.length === 1 ? 'valeurs uniques' : `unique avec ${key.filter((k) => k !== name).join(', ')}`);
  const n = (k: string) => (typeof property[k] === 'number' ? formatNumber(property[k] as number) : null);
  if (Array.isArray(property.enum)) out.push(`valeurs permises : ${list(property.enum)}`);
  if ('const' in property) out.push(`valeur imposée : ${list([property.const])}`);
  if (typeof property.pattern === 'string') out.push(`doit suivre le motif ${property.pattern}`);
  if (typeof property.format === 'string') out.push(`format : ${FORMATS[property.format] ?? property.format}`);
  if (n('minimum') !== null) out.push(`minimum : ${n('minimum')}`);
  if (n('exclusiveMinimum') !== null) out.push(`strictement supérieur à ${n('exclusiveMinimum')}`);
  if (n('maximum') !== null) out.push(`maximum : ${n('maximum')}`);
  if (n('exclusiveMaximum') !== null) out.push(`strictement inférieur à ${n('exclusiveMaximum')}`);
  if (n('minLength') !== null && n('maxLength') !== null) out.push(`de ${n('minLength')} à ${n('maxLength')} caractères`);
  else if (property.minLength === 1) out.push('non vide');
  else if (n('minLength') !== null) out.push(`au moins ${n('minLength')} caractères`);
  else if (n('maxLength') !== null) out.push(`au plus ${n('maxLength')} caractères`);
  if (property['x-decimalChar'] === ',') out.push('virgule décimale dans le fichier déposé');
  if (typeof property['x-dateFormat'] === 'string') out.push(`dates écrites ${property['x-dateFormat']} dans le fichier déposé`);
  return out;
}

function exampleOf(field: FieldDescription, property: JsonSchema, preview: Array<Record<string, unknown>>): string {
  const declared = Array.isArray(property.examples) ? property.examples[0] : property.example;
  const value = declared ?? preview.map((r) => r[field.name]).find((v) => v !== null && v !== undefined && v !== '');
  return value === undefined ? '' : formatCell(value, field.type).text;
}

function percent(part: number, whole: number): string {
  if (whole <= 0) return '';
  const p = (100 * part) / whole;
  return `${p > 0 && p < 1 ? '< 1' : formatNumber(Math.round(p))} %`;
}

/** Top values are stored as text: numbers and booleans are read back to show them the French way. */
function topValue(text: string, kind: string): unknown {
  if ((kind === 'number' || kind === 'integer') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (kind === 'boolean') return text === 'true' || text === '1';
  return text;
}

function toProfile(field: FieldDescription, profile: ColumnProfileView | undefined, rowCount: number) {
  if (!profile) return null;
  const filled = rowCount - profile.nulls;
  const hasRange = RANGED.has(field.type) && profile.min !== null && profile.max !== null;
  const showTop = field.type !== 'json' && profile.top.length > 0 && profile.distinct < filled;
  const top = showTop ? profile.top.slice(0, TOP_SHOWN) : [];
  const highest = Math.max(1, ...top.map((t) => t.count));
  return {
    nulls: `${formatNumber(profile.nulls)}${profile.nulls ? ` (${percent(profile.nulls, rowCount)})` : ''}`,
    distinct: `${profile.distinct_approximate ? 'environ ' : ''}${formatNumber(profile.distinct)}`,
    min: hasRange ? formatCell(profile.min, field.type).text : null,
    max: hasRange ? formatCell(profile.max, field.type).text : null,
    topApproximate: profile.top_approximate,
    top: top.map((t) => ({
      value: formatCell(topValue(t.value, field.type), field.type).text || '(vide)',
      count: `${formatNumber(t.count)} (${percent(t.count, filled)})`,
      barWidth: Math.max(1, Math.round((BAR_WIDTH * t.count) / highest)),
    })),
    barMax: BAR_WIDTH,
  };
}

export function toFieldDocs(
  fields: FieldDescription[],
  schema: RowSchema,
  profiles: Record<string, ColumnProfileView>,
  rowCount: number,
  preview: Array<Record<string, unknown>>,
) {
  const required = new Set(schema.required ?? []);
  return fields.map((field) => {
    const property: JsonSchema = schema.properties[field.name] ?? {};
    return {
      name: field.name,
      id: `champ-${field.name.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      title: field.title ?? '',
      description: field.description ?? '',
      type: typeLabel(field.type),
      required: required.has(field.name),
      constraints: constraintsOf(field.name, property, schema),
      example: exampleOf(field, property, preview),
      profile: toProfile(field, profiles[field.name], rowCount),
    };
  });
}
