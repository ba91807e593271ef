import type { WhereNode } from './where/ast';
import { isWhereSyntaxError, parseWhere } from './where/parse-where';

/**
 * `_where` text → tree, through the parser in where/ (its grammar and messages: where/README.md).
 * A syntax error becomes a message (it already starts with "colonne N : "), so that it is
 * reported along with every other problem of the request rather than alone.
 */
export type WhereResult = { ok: true; tree: WhereNode } | { ok: false; message: string };

export function parseWhereText(text: string): WhereResult {
  try {
    return { ok: true, tree: parseWhere(text) };
  } catch (error) {
    if (!isWhereSyntaxError(error)) throw error;
    return { ok: false, message: error.message };
  }
}
