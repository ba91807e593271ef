/**
 * Problems found in a schema document (not in data): the meta-schema's verdict translated into
 * French details that name the faulty keyword and its JSON pointer, and the one error they make.
 */
import type { ErrorObject } from 'ajv';
import { CatalogueError, type ErrorDetail } from '../errors';
import { SCHEMA_MAP_KEYWORDS, decodePointerToken } from './schema-walk';

/** Keywords whose value is data: what follows them in a pointer is not a keyword. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'required', 'dependentRequired', 'type']);

/**
 * The schema keyword a pointer designates: `/properties/a/type` → `type`, `/properties/a` →
 * `properties` (`a` is a name), `/x-primaryKey/1` → `x-primaryKey`.
 */
export function keywordAt(pointer: string): string {
  const tokens = pointer.split('/').slice(1).map(decodePointerToken);
  let keyword = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (/^\d+$/.test(token)) continue;
    keyword = token;
    if (SCHEMA_MAP_KEYWORDS.includes(token)) i++; // the next token is a name
    else if (DATA_KEYWORDS.has(token) || token.startsWith('x-')) break;
  }
  return keyword;
}

const TYPE_NOUNS: Record<string, string> = {
  array: 'une liste',
  boolean: 'un booléen',
  integer: 'un entier',
  null: 'null',
  number: 'un nombre',
  object: 'un objet',
  string: 'une chaîne de caractères',
};

function quote(value: unknown): string {
  return typeof value === 'string' ? `« ${value} »` : JSON.stringify(value);
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `valeur ${quote(error.data)} non reconnue (valeurs permises : ${(params.allowedValues as unknown[]).join(', ')})`;
    case 'type': {
      const types = Array.isArray(params.type) ? params.type : String(params.type).split(',');
      return `doit être ${types.map((t: string) => TYPE_NOUNS[t] ?? t).join(' ou ')}`;
    }
    case 'required':
      return `« ${String(params.missingProperty)} » est manquant`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `doit être ${error.keyword === 'minimum' ? 'supérieur ou égal' : 'strictement supérieur'} à ${String(params.limit)}`;
    case 'minItems':
      return `doit contenir au moins ${String(params.limit)} élément(s)`;
    case 'uniqueItems':
      return 'ne doit pas contenir de doublons';
    case 'format':
      return `n'est pas au format ${String(params.format)}`;
    default:
      return `valeur invalide (règle « ${error.keyword} » du méta-schéma)`;
  }
}

/** Prefer the most telling error when several concern the same place (anyOf gives three). */
const PREFERENCE = ['enum', 'required', 'type'];
function rank(error: ErrorObject): number {
  const i = PREFERENCE.indexOf(error.keyword);
  return i === -1 ? PREFERENCE.length + (error.keyword === 'anyOf' || error.keyword === 'oneOf' ? 1 : 0) : i;
}

/** One detail per faulty place; a place whose children are reported is left out (they say more). */
export function metaErrorsToDetails(errors: readonly ErrorObject[]): ErrorDetail[] {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    const current = byPath.get(error.instancePath);
    if (!current || rank(error) < rank(current)) byPath.set(error.instancePath, error);
  }
  const paths = [...byPath.keys()];
  return paths
    .filter((path) => !paths.some((other) => other.startsWith(`${path}/`)))
    .map((path) => {
      const keyword = keywordAt(path) || byPath.get(path)!.keyword;
      return { keyword, path, message: `mot-clé « ${keyword} » : ${describe(byPath.get(path)!)}` };
    });
}

/** The `bad-schema` error for a list of problems: the first one in the message, all in details. */
export function badSchemaError(origin: string | undefined, details: ErrorDetail[]): CatalogueError {
  const first = details[0];
  const where = first.path ? ` (${first.path})` : '';
  const more = details.length > 1 ? ` ; ${details.length - 1} autre(s) problème(s)` : '';
  const subject = origin ? `Le schéma « ${origin} » est invalide` : 'Le schéma est invalide';
  return new CatalogueError('bad-schema', `${subject} : ${first.message}${where}${more}.`, details);
}
