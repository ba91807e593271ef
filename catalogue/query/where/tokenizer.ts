import type { CompareOp } from './ast';
import { WhereSyntaxError, quote } from './errors';
import { WHERE_LIMITS } from './limits';

/**
 * Cuts a `_where` text into tokens, on demand: the parser pulls them one (or two) at a time, so
 * the first problem reported is the leftmost one, and a huge input is never read past the length
 * limit (an early syntax error is reported before the length, in reading order).
 *
 * Positions are 1-based and counted in Unicode code points, not UTF-16 units: "colonne 12" must
 * match what a person counts on screen, accents and emoji included.
 */
export type Keyword = 'AND' | 'OR' | 'NOT' | 'IN' | 'LIKE' | 'IS' | 'NULL' | 'TRUE' | 'FALSE';

interface Span {
  /** 1-based column of the first character. */
  position: number;
  /** Column just past the last character. */
  end: number;
  /** The source text, for messages. */
  text: string;
}

type TokenBody =
  | { kind: 'identifier'; name: string; quoted: boolean }
  | { kind: 'keyword'; keyword: Keyword }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'operator'; op: CompareOp }
  | { kind: '(' | ')' | ',' | 'end' };

export type Token = Span & TokenBody;

const KEYWORDS: ReadonlySet<string> = new Set<Keyword>(['AND', 'OR', 'NOT', 'IN', 'LIKE', 'IS', 'NULL', 'TRUE', 'FALSE']);

const WHITESPACE = /\s+/uy;
const IDENTIFIER = /[\p{L}_][\p{L}\p{M}\p{Nd}_]*/uy;
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
/** What may not touch the end of a number: `12abc`, `1.2.3`, `1e`. */
const NUMBER_TAIL = /[\p{L}\p{M}\p{N}_.]+/uy;
/** Typographic quotes pasted from a word processor: worth a hint rather than a bare refusal. */
const CURLY_QUOTES = new Set(['\u2018', '\u2019', '\u201C', '\u201D', '\u00AB', '\u00BB', '\u2039', '\u203A']);

/**
 * Keywords are matched on ASCII letters only: `toUpperCase` would turn the Turkish dotless `ı` of
 * `ın` into `IN`, making an ordinary column name a keyword.
 */
export function keywordOf(word: string): Keyword | undefined {
  if (!/^[A-Za-z]+$/.test(word)) return undefined;
  const upper = word.toUpperCase();
  return KEYWORDS.has(upper) ? (upper as Keyword) : undefined;
}

/** A name that can be written without quotes: a bare identifier that is not a keyword. */
export function isBareIdentifier(name: string): boolean {
  return new RegExp(`^${IDENTIFIER.source}$`, 'u').test(name) && keywordOf(name) === undefined;
}

export class Tokenizer {
  /**
   * Only the head of the text is ever looked at: 2 UTF-16 units per code point at most, plus two,
   * is enough to be sure to reach character maxLength + 1 and report the length, and keeps every
   * regular expression and `indexOf` bounded whatever the caller passes in.
   */
  private readonly src: string;
  private index = 0;
  private column = 1;
  private readonly ahead: Token[] = [];

  constructor(text: string) {
    this.src = text.slice(0, 2 * WHERE_LIMITS.maxLength + 2);
  }

  /** The token `offset` places ahead, without consuming it. */
  peek(offset = 0): Token {
    while (this.ahead.length <= offset) this.ahead.push(this.scan());
    return this.ahead[offset];
  }

  next(): Token {
    const token = this.peek();
    this.ahead.shift();
    return token;
  }

  private scan(): Token {
    WHITESPACE.lastIndex = this.index;
    if (WHITESPACE.test(this.src)) this.advanceTo(WHITESPACE.lastIndex);
    const start = this.index;
    const position = this.column;
    if (start >= this.src.length) return { kind: 'end', position, end: position, text: '' };
    const c = this.src[start];
    const c2 = this.src.slice(start, start + 2);
    switch (c) {
      case '(':
      case ')':
      case ',':
        return this.make(start + 1, { kind: c });
      case "'":
        return this.scanString(start, position);
      case '`':
      case '"':
        return this.scanQuotedIdentifier(start, position, c);
      case '=':
        if (c2 === '==') throw new WhereSyntaxError(position, "« == » n'existe pas, écrivez « = »");
        return this.make(start + 1, { kind: 'operator', op: '=' });
      case '!':
        if (c2 === '!=') return this.make(start + 2, { kind: 'operator', op: '!=' });
        throw new WhereSyntaxError(position, "« ! » seul n'existe pas, écrivez « != » ou NOT");
      case '<':
        if (c2 === '<=') return this.make(start + 2, { kind: 'operator', op: '<=' });
        if (c2 === '<>') return this.make(start + 2, { kind: 'operator', op: '!=' });
        return this.make(start + 1, { kind: 'operator', op: '<' });
      case '>':
        if (c2 === '>=') return this.make(start + 2, { kind: 'operator', op: '>=' });
        return this.make(start + 1, { kind: 'operator', op: '>' });
      case '&':
        throw new WhereSyntaxError(position, `caractère ${quote('&')} inattendu, écrivez AND`);
      case '|':
        throw new WhereSyntaxError(position, `caractère ${quote('|')} inattendu, écrivez OR`);
    }
    NUMBER.lastIndex = start;
    if (NUMBER.test(this.src)) return this.scanNumber(start, position, NUMBER.lastIndex);
    IDENTIFIER.lastIndex = start;
    if (IDENTIFIER.test(this.src)) {
      const end = IDENTIFIER.lastIndex;
      const word = this.src.slice(start, end);
      const keyword = keywordOf(word);
      return this.make(end, keyword ? { kind: 'keyword', keyword } : { kind: 'identifier', name: word, quoted: false });
    }
    const char = String.fromCodePoint(this.src.codePointAt(start)!);
    if (CURLY_QUOTES.has(char)) {
      throw new WhereSyntaxError(position, `caractère ${quote(char)} inattendu : un texte s'écrit entre apostrophes droites, 'ainsi', et une colonne entre accents graves, \`ainsi\``);
    }
    throw new WhereSyntaxError(position, `caractère ${quote(char)} inattendu`);
  }

  private scanNumber(start: number, position: number, end: number): Token {
    NUMBER_TAIL.lastIndex = end;
    if (NUMBER_TAIL.test(this.src)) {
      throw new WhereSyntaxError(position, `nombre mal écrit ${quote(this.src.slice(start, NUMBER_TAIL.lastIndex))}`);
    }
    const text = this.src.slice(start, end);
    const value = Number(text);
    if (!Number.isFinite(value)) throw new WhereSyntaxError(position, `nombre trop grand ${quote(text)}`);
    // Digits beyond 2^53 would silently become another number and match other records.
    if (/^-?\d+$/.test(text) && !Number.isSafeInteger(value)) {
      throw new WhereSyntaxError(position, `nombre entier trop grand pour être exact ${quote(text)} ; s'il s'agit d'un code, écrivez-le entre apostrophes`);
    }
    // -0 and 0 are the same value to the user; keep one so that trees compare equal.
    return this.make(end, { kind: 'number', value: value === 0 ? 0 : value });
  }

  /** `'…'` with `''` standing for one apostrophe (SQL); no backslash escapes. */
  private scanString(start: number, position: number): Token {
    const value = this.scanQuoted(start, "'");
    if (value === undefined) {
      throw new WhereSyntaxError(position, "chaîne non terminée : il manque l'apostrophe fermante (une apostrophe dans un texte s'écrit deux fois : 'L''Aigle')");
    }
    return { kind: 'string', value, position, end: this.column, text: this.src.slice(start, this.index) };
  }

  /** `` `…` `` or `"…"`, the quote doubled inside: a column name that is not a bare word. */
  private scanQuotedIdentifier(start: number, position: number, q: '`' | '"'): Token {
    const name = this.scanQuoted(start, q);
    if (name === undefined) throw new WhereSyntaxError(position, `nom de colonne non terminé : il manque le ${quote(q)} fermant`);
    if (name === '') throw new WhereSyntaxError(position, 'nom de colonne vide');
    return { kind: 'identifier', name, quoted: true, position, end: this.column, text: this.src.slice(start, this.index) };
  }

  /** The content between `q` at `start` and its closing `q`, or undefined when it never closes. */
  private scanQuoted(start: number, q: string): string | undefined {
    let value = '';
    let from = start + 1;
    for (;;) {
      const close = this.src.indexOf(q, from);
      if (close < 0) {
        // Reading to the end first: a text cut by the length limit reports the length, not this.
        this.advanceTo(this.src.length);
        return undefined;
      }
      value += this.src.slice(from, close);
      if (this.src[close + 1] === q) {
        value += q;
        from = close + 2;
        continue;
      }
      this.advanceTo(close + 1);
      return value;
    }
  }

  private make(end: number, body: TokenBody): Token {
    const start = this.index;
    const position = this.column;
    this.advanceTo(end);
    return { ...body, position, end: this.column, text: this.src.slice(start, end) };
  }

  /** Moves to UTF-16 index `to`, counting code points, and enforces the length limit. */
  private advanceTo(to: number): void {
    let i = this.index;
    while (i < to) {
      const unit = this.src.charCodeAt(i);
      const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < to && (this.src.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      i += pair ? 2 : 1;
      this.column++;
    }
    this.index = to;
    if (this.column > WHERE_LIMITS.maxLength + 1) {
      throw new WhereSyntaxError(WHERE_LIMITS.maxLength + 1, `expression trop longue (${formatCount(WHERE_LIMITS.maxLength)} caractères au plus)`);
    }
  }
}

/** 4000 → "4 000", the French way (a narrow no-break space would not survive every terminal). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}
