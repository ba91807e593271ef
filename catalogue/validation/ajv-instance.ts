/**
 * The one Ajv instance of the catalogue (draft 2020-12). Everything that compiles a JSON Schema
 * goes through `getAjv()`, so formats, extension keywords and the regular-expression engine are
 * the same for row schemas, metadata and reports.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { compilePattern } from './patterns';

/** Keywords of our row schemas (contract section 4) and of imported Table Schemas: annotations for Ajv. */
export const EXTENSION_KEYWORDS = [
  'x-primaryKey',
  'x-uniqueKeys',
  'x-geo',
  'x-missingValues',
  'x-checks',
  'x-decimalChar',
  'x-groupChar',
  'x-bareNumber',
  'x-trueValues',
  'x-falseValues',
  'x-dateFormat',
  'x-tableSchemaType',
] as const;

export type ExtensionKeyword = (typeof EXTENSION_KEYWORDS)[number];

/** The draft Ajv implements here; a row schema may name it in `$schema`. */
export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Ajv's `code.regExp` hook: `u` mode when it compiles, the legacy mode otherwise (real French
 * schemas use `\-` and `\'`). Patterns are checked beforehand with the same rule
 * (check-row-schema.ts), so the throw below is only reached by a schema that skipped that check.
 */
export const lenientRegExp: RegExpEngine = Object.assign(
  (pattern: string, u: string): RegExpLike => {
    const regExp = compilePattern(pattern, u === 'u' ? 'u' : '');
    if (!regExp) throw new SyntaxError(`Invalid regular expression: /${pattern}/`);
    return regExp;
  },
  // Only used by Ajv's standalone code generation, which we do not use.
  { code: 'require("./catalogue/validation/ajv-instance").lenientRegExp' },
);

/** The meta-schema checks `pattern` with format `regex`; it must accept what lenientRegExp accepts. */
function isRegex(source: string): boolean {
  return compilePattern(source) !== undefined;
}

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // Unknown keywords and formats of user schemas become warnings (check-row-schema.ts) rather
    // than compile failures: annotations such as `name` or `countryCode` are common in real files.
    strict: false,
    logger: false,
    // Errors carry the failing value (`data`): messages quote it, nothing is computed for valid rows.
    verbose: true,
    code: { regExp: lenientRegExp },
  });
  addFormats(ajv, { mode: 'full', keywords: true });
  ajv.addFormat('regex', isRegex);
  // CSV datetimes rarely carry an offset and frictionless accepts them without one: RFC 3339's
  // mandatory offset would turn every such cell into an error.
  ajv.addFormat('date-time', fullFormats['iso-date-time']);
  ajv.addFormat('time', fullFormats['iso-time']);
  for (const keyword of EXTENSION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

let instance: Ajv2020 | undefined;

export function getAjv(): Ajv2020 {
  instance ??= createAjv();
  return instance;
}

/** Whether Ajv knows `keyword` (a JSON Schema keyword, an ajv-formats one, or one of ours). */
export function isKnownKeyword(keyword: string): boolean {
  // RULES.keywords also lists annotations (title, examples…), which getKeyword() does not.
  return getAjv().RULES.keywords[keyword] === true;
}

export function isKnownFormat(format: string): boolean {
  return getAjv().formats[format] !== undefined;
}
