/**
 * JSON for a `<script type="application/ld+json">` block, safe whatever strings it holds. The
 * HTML parser ends a script element at the first `</script` and treats `<!--` specially, before
 * any JSON is read; and U+2028/U+2029 end a line for older JavaScript parsers. Escaping `<`, `>`,
 * `&` and those two characters as JSON unicode escapes (`\u003c`…) leaves the JSON value unchanged (JSON.parse reads
 * them back) while no markup can appear in the text: the result may be inserted raw.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, escapeChar);
}
