import { CatalogueError } from '../../errors';

/**
 * A `_where` expression that cannot be read. It is a CatalogueError with code `bad-request` so
 * that the one error middleware answers 400 problem+json without knowing about this parser; the
 * message is French, starts with "colonne N : " and `position` keeps N (1-based, counted in
 * characters — Unicode code points — of the text the user wrote) for callers that want to point
 * at it, for instance a form that underlines the error.
 */
export class WhereSyntaxError extends CatalogueError {
  /** 1-based column, in characters, of the place the problem was found. */
  readonly position: number;
  /** The message without its "colonne N : " prefix. */
  readonly reason: string;

  constructor(position: number, reason: string) {
    super('bad-request', `colonne ${position} : ${reason}`);
    this.name = 'WhereSyntaxError';
    this.position = position;
    this.reason = reason;
  }
}

export function isWhereSyntaxError(error: unknown): error is WhereSyntaxError {
  return error instanceof WhereSyntaxError;
}

/**
 * How a piece of the input is named in a message: the text itself between French quotes, cut when
 * long, and invisible characters spelt as their U+ code point so that a message never hides what it is about.
 */
export function quote(text: string): string {
  const chars = Array.from(text);
  const shown = chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : text;
  return `« ${shown.replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)} »`;
}
