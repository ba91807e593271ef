/**
 * Ajv's errors on one row → what a person reads: the column, the rule (the JSON Schema keyword)
 * and a French sentence quoting the value. Runs only for invalid rows.
 */
import type { ErrorObject } from 'ajv';
import { unanchorPattern } from './patterns';
import { decodePointerToken } from './schema-walk';

export interface RowViolation {
  /** The column (property) concerned; absent for a rule on the whole row (anyOf at the root…). */
  field?: string;
  /** The JSON Schema keyword that failed: required, enum, pattern, minimum, format… */
  rule: string;
  /** French, for people. */
  message: string;
}

const MAX_SHOWN = 100;
const MAX_LISTED = 12;

/** « text » for strings, JSON otherwise; long values are cut (they are quoted, not stored). */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `« ${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text} »`;
}

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return values.length > MAX_LISTED ? `${shown.join(', ')}, … (${values.length} valeurs)` : shown.join(', ');
}

const TYPE_NOUNS: Record<string, string> = {
  integer: 'un nombre entier',
  number: 'un nombre',
  string: 'un texte',
  boolean: 'un booléen (vrai/faux)',
  object: 'un objet JSON',
  array: 'une liste JSON',
  null: 'vide',
};

const FORMAT_NOUNS: Record<string, string> = {
  date: 'une date valide',
  'date-time': 'une date et heure valide',
  time: 'une heure valide',
  duration: 'une durée ISO 8601 valide',
  email: 'une adresse électronique valide',
  uri: 'une URI valide',
  'uri-reference': 'une référence URI valide',
  url: 'une URL valide',
  uuid: 'un UUID valide',
  ipv4: 'une adresse IPv4 valide',
  ipv6: 'une adresse IPv6 valide',
  hostname: 'un nom d’hôte valide',
  regex: 'une expression régulière valide',
};

function typeNoun(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t: string) => TYPE_NOUNS[t] ?? t).join(' ou ');
}

function describe(error: ErrorObject, atRoot: boolean): string {
  const p = error.params as Record<string, any>;
  // A rule on the whole row (anyOf at the root…): quoting the row as JSON would not help.
  const v = atRoot ? 'la ligne' : showValue(error.data);
  switch (error.keyword) {
    case 'required':
      return 'le champ est obligatoire';
    case 'dependentRequired':
      return `le champ est obligatoire lorsque « ${p.property} » est renseigné`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return "colonne non prévue par le schéma";
    case 'type':
      return `${v} n'est pas ${typeNoun(p.type)}`;
    case 'enum':
      return `${v} : valeur non autorisée, valeurs permises : ${list(p.allowedValues)}`;
    case 'const':
      return `${v} : valeur non autorisée, valeur attendue : ${list([p.allowedValue])}`;
    case 'pattern':
      return `${v} ne respecte pas le motif ${unanchorPattern(String(p.pattern))}`;
    case 'format':
      return `${v} n'est pas ${FORMAT_NOUNS[p.format] ?? 'une valeur valide'} (format ${p.format})`;
    case 'minimum':
      return `${v} est inférieur au minimum autorisé (${p.limit})`;
    case 'exclusiveMinimum':
      return `${v} doit être strictement supérieur à ${p.limit}`;
    case 'maximum':
      return `${v} est supérieur au maximum autorisé (${p.limit})`;
    case 'exclusiveMaximum':
      return `${v} doit être strictement inférieur à ${p.limit}`;
    case 'multipleOf':
      return `${v} n'est pas un multiple de ${p.multipleOf}`;
    case 'formatMinimum':
      return `${v} est antérieur au minimum autorisé (${p.limit})`;
    case 'formatExclusiveMinimum':
      return `${v} doit être postérieur à ${p.limit}`;
    case 'formatMaximum':
      return `${v} est postérieur au maximum autorisé (${p.limit})`;
    case 'formatExclusiveMaximum':
      return `${v} doit être antérieur à ${p.limit}`;
    case 'minLength':
      return `${v} est trop court (au moins ${p.limit} caractère(s))`;
    case 'maxLength':
      return `${v} est trop long (au plus ${p.limit} caractère(s))`;
    case 'minItems':
      return `la liste doit contenir au moins ${p.limit} élément(s)`;
    case 'maxItems':
      return `la liste doit contenir au plus ${p.limit} élément(s)`;
    case 'uniqueItems':
      return `la liste contient des doublons (éléments n°${p.j + 1} et n°${p.i + 1})`;
    case 'minProperties':
      return `l'objet doit avoir au moins ${p.limit} propriété(s)`;
    case 'maxProperties':
      return `l'objet doit avoir au plus ${p.limit} propriété(s)`;
    case 'anyOf':
      return `${v} ne correspond à aucune des formes permises`;
    case 'oneOf':
      return p.passingSchemas ? `${v} correspond à plusieurs formes qui s'excluent` : `${v} ne correspond à aucune des formes permises`;
    case 'not':
      return `${v} correspond à une forme interdite`;
    case 'contains':
      return 'la liste ne contient aucun élément attendu';
    case 'propertyNames':
      return `nom de propriété non autorisé (${p.propertyName})`;
    default:
      return `${v} ne respecte pas la règle « ${error.keyword} »`;
  }
}

/** The column: first token of the path, or the property a root-level keyword names. */
function fieldOf(error: ErrorObject, tokens: string[]): string | undefined {
  if (tokens.length > 0) return tokens[0];
  const p = error.params as Record<string, unknown>;
  const name = p.missingProperty ?? p.additionalProperty ?? p.unevaluatedProperty ?? p.propertyName;
  return typeof name === 'string' ? name : undefined;
}

/** Inside a JSON cell (array or object column): say where. */
function locate(tokens: string[]): string {
  const inner = tokens.slice(1);
  if (inner.length === 0) return '';
  if (inner.length === 1 && /^\d+$/.test(inner[0])) return `élément n°${Number(inner[0]) + 1} : `;
  return `en ${inner.join('/')} : `;
}

/**
 * Branch errors of anyOf/oneOf/contains/propertyNames only explain the summary error that Ajv
 * also reports (one branch failing is not a fault); `if` is explained by the `then` errors.
 */
function isExplanatory(error: ErrorObject): boolean {
  return error.keyword === 'if' || /\/(?:anyOf|oneOf)\/\d+\/|\/contains\/|\/propertyNames\//.test(error.schemaPath);
}

export function toRowViolations(errors: readonly ErrorObject[]): RowViolation[] {
  const violations: RowViolation[] = [];
  for (const error of errors) {
    if (isExplanatory(error)) continue;
    const tokens = error.instancePath.split('/').slice(1).map(decodePointerToken);
    const field = fieldOf(error, tokens);
    const message = `${locate(tokens)}${describe(error, tokens.length === 0)}`;
    violations.push(field === undefined ? { rule: error.keyword, message } : { field, rule: error.keyword, message });
  }
  return violations;
}
