import type { WhereNode } from './ast';
import { WhereSyntaxError } from './errors';
import { Parser } from './parser';
import { Tokenizer } from './tokenizer';

export { WhereSyntaxError, isWhereSyntaxError } from './errors';
export { WHERE_FUNCTIONS } from './functions';
export { WHERE_LIMITS } from './limits';

/**
 * Parses the `_where` parameter of the records API (contract section 6) into a WhereNode tree.
 * The grammar, the normalisations and the messages are described in README.md.
 *
 * Whatever the input, the only error thrown is a WhereSyntaxError (a CatalogueError with code
 * `bad-request`) whose French message starts with "colonne N : ". Work and stack depth are
 * bounded by WHERE_LIMITS.
 */
export function parseWhere(text: string): WhereNode {
  // A repeated query parameter arrives as an array from JavaScript callers: refuse it cleanly.
  if (typeof text !== 'string') throw new WhereSyntaxError(1, "l'expression doit être un texte");
  return new Parser(new Tokenizer(text)).parseExpression();
}
