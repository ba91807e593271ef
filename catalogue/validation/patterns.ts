/**
 * Regular expressions of row schemas. Table Schema patterns come from Python (frictionless-py,
 * Validata): they match the whole cell and are written without JavaScript's `u` flag in mind,
 * so some of them (`\-` or `\'` outside a class) only compile without it.
 */

const ANCHOR_OPEN = '^(?:';
const ANCHOR_CLOSE = ')$';

/**
 * Frictionless matches a pattern against the whole cell; JSON Schema matches anywhere. Wrapping
 * every pattern restores the full match, and a pattern already written `^…$` means the same.
 */
export function anchorPattern(pattern: string): string {
  return `${ANCHOR_OPEN}${pattern}${ANCHOR_CLOSE}`;
}

/** The pattern as its author wrote it, for messages (ajv reports the anchored one). */
export function unanchorPattern(pattern: string): string {
  return pattern.startsWith(ANCHOR_OPEN) && pattern.endsWith(ANCHOR_CLOSE)
    ? pattern.slice(ANCHOR_OPEN.length, -ANCHOR_CLOSE.length)
    : pattern;
}

/**
 * Unicode mode first (it is stricter and what ajv would use), then the legacy mode that accepts
 * identity escapes such as `\-` and `\'`. `undefined` when neither compiles.
 */
export function compilePattern(source: string, flags: 'u' | '' = 'u'): RegExp | undefined {
  if (flags === 'u') {
    try {
      return new RegExp(source, 'u');
    } catch {
      // fall through to the legacy mode
    }
  }
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** Why `source` compiles in neither mode, in the engine's words (for a schema error's details). */
export function patternSyntaxError(source: string): string | undefined {
  if (compilePattern(source)) return undefined;
  try {
    new RegExp(source);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}
