import type { ColumnRef, CompareOp, Literal, Operand, WhereNode } from './ast';
import { dateKeywordOf, isIsoDate, type DateKeyword } from './dates';
import { WhereSyntaxError, quote } from './errors';
import { buildCall, functionOf, unknownFunction } from './functions';
import { WHERE_LIMITS } from './limits';
import { Tokenizer, formatCount, isBareIdentifier, type Keyword, type Token } from './tokenizer';

/**
 * Recursive descent over the grammar in README.md, one method per rule. Recursion only happens
 * through parentheses and NOT, and both go through `enter`, so the depth limit bounds the stack
 * whatever the input. AND/OR chains are loops, and a chain becomes one n-ary node; a
 * parenthesised group stays its own node, so the tree mirrors what the user wrote.
 */
const FLIPPED: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const OPERATORS = '=, !=, <>, <, <=, >, >=, IN, LIKE, IS NULL';

export class Parser {
  private depth = 0;
  /** The last token consumed: messages say "après « AND »" and spot `'L'Aigle'`. */
  private previous: Token | undefined;

  constructor(private readonly tokens: Tokenizer) {}

  parseExpression(): WhereNode {
    if (this.peek().kind === 'end') throw new WhereSyntaxError(1, 'expression vide');
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind === ')') throw new WhereSyntaxError(t.position, '« ) » inattendu, aucune « ( » ne lui correspond');
    if (t.kind !== 'end') throw this.unexpected(t, 'AND ou OR est attendu');
    return node;
  }

  private parseOr(): WhereNode {
    const position = this.peek().position;
    const operands = [this.parseAnd()];
    while (isKeyword(this.peek(), 'OR')) {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { type: 'or', operands, position };
  }

  private parseAnd(): WhereNode {
    const position = this.peek().position;
    const operands = [this.parseNot()];
    while (isKeyword(this.peek(), 'AND')) {
      this.next();
      operands.push(this.parseNot());
    }
    return operands.length === 1 ? operands[0] : { type: 'and', operands, position };
  }

  private parseNot(): WhereNode {
    const t = this.peek();
    if (!isKeyword(t, 'NOT')) return this.parsePrimary();
    this.next();
    this.enter(t);
    const operand = this.parseNot();
    this.depth--;
    return { type: 'not', operand, position: t.position };
  }

  private parsePrimary(): WhereNode {
    const t = this.peek();
    if (t.kind === '(') {
      this.next();
      this.enter(t);
      const node = this.parseOr();
      const close = this.peek();
      if (close.kind === 'end') throw new WhereSyntaxError(t.position, 'parenthèse « ( » jamais fermée');
      if (close.kind !== ')') throw this.unexpected(close, 'AND, OR ou « ) » est attendu');
      this.next();
      this.depth--;
      return node;
    }
    if (t.kind === 'identifier' && !t.quoted && this.peek(1).kind === '(') return this.parseCall(t);
    return this.parsePredicate();
  }

  private parseCall(name: Token & { kind: 'identifier' }): WhereNode {
    const fn = functionOf(name.name);
    if (!fn) throw unknownFunction(name.position, name.name);
    this.next();
    const open = this.next();
    const argsPosition = this.peek().position;
    const args: Operand[] = [];
    if (this.peek().kind === ')') {
      this.next();
    } else {
      for (;;) {
        args.push(this.parseOperand(`un argument de ${fn} est attendu`));
        const sep = this.peek();
        if (sep.kind === 'end') throw new WhereSyntaxError(open.position, `parenthèse « ( » de ${fn} jamais fermée`);
        if (sep.kind !== ',' && sep.kind !== ')') throw this.unexpected(sep, `« , » ou « ) » est attendu dans les arguments de ${fn}`);
        this.next();
        if (sep.kind === ')') break;
      }
    }
    return buildCall({ fn, position: name.position, args, argsPosition });
  }

  /** `operand comparison operand`, `col [NOT] IN (…)`, `col [NOT] LIKE '…'`, `col IS [NOT] NULL`. */
  private parsePredicate(): WhereNode {
    const first = this.peek();
    let expected = this.previous ? `une condition est attendue après ${quote(this.previous.text)}` : 'une condition est attendue';
    if (first.kind === 'keyword' && ['IN', 'LIKE', 'IS'].includes(first.keyword)) {
      expected += ` (pour une colonne nommée ainsi, écrivez \`${first.text}\`)`;
    }
    const left = this.parseOperand(expected);
    const t = this.peek();
    if (t.kind === 'operator') {
      this.next();
      const right = this.parseOperand(`une valeur est attendue après ${quote(t.text)}`);
      return this.makeCompare(left, t.op, right);
    }
    if (isKeyword(t, 'NOT')) {
      this.next();
      const k = this.peek();
      if (isKeyword(k, 'IN')) return this.parseIn(left, true);
      if (isKeyword(k, 'LIKE')) return this.parseLike(left, true);
      throw this.unexpected(k, 'IN ou LIKE est attendu après NOT');
    }
    if (isKeyword(t, 'IN')) return this.parseIn(left, false);
    if (isKeyword(t, 'LIKE')) return this.parseLike(left, false);
    if (isKeyword(t, 'IS')) return this.parseIs(left);
    throw this.unexpected(t, `un opérateur est attendu après ${quote(this.previous?.text ?? '')} (${OPERATORS})`);
  }

  private makeCompare(left: Operand, op: CompareOp, right: Operand): WhereNode {
    if (left.type === 'literal' && right.type === 'literal') {
      throw new WhereSyntaxError(left.position, "comparaison entre deux valeurs, l'un des deux côtés doit être une colonne");
    }
    // The compiler and the API's other filters think "column op value": put the column first.
    const [column, value, columnOp] = left.type === 'literal' ? [right as ColumnRef, left, FLIPPED[op]] : [left, right, op];
    if (value.type === 'literal' && value.kind === 'null') {
      const hint = columnOp === '=' ? `écrivez « ${showColumn(column)} IS NULL »` : columnOp === '!=' ? `écrivez « ${showColumn(column)} IS NOT NULL »` : 'utilisez IS NULL ou IS NOT NULL';
      throw new WhereSyntaxError(value.position, `une comparaison avec null n'est jamais vraie, ${hint}`);
    }
    return { type: 'compare', op: columnOp, left: column, right: value, position: left.position };
  }

  private parseIn(left: Operand, negated: boolean): WhereNode {
    const column = requireColumn(left, 'IN');
    this.next();
    const open = this.peek();
    if (open.kind !== '(') throw this.unexpected(open, '« ( » est attendu après IN');
    this.next();
    if (this.peek().kind === ')') throw new WhereSyntaxError(this.peek().position, 'liste vide après IN, au moins une valeur est attendue');
    const values: Literal[] = [];
    for (;;) {
      if (values.length >= WHERE_LIMITS.maxInValues) {
        throw new WhereSyntaxError(this.peek().position, `liste IN trop longue (${formatCount(WHERE_LIMITS.maxInValues)} valeurs au plus)`);
      }
      values.push(this.parseInValue());
      const sep = this.peek();
      if (sep.kind === 'end') throw new WhereSyntaxError(open.position, 'parenthèse « ( » de IN jamais fermée');
      if (sep.kind !== ',' && sep.kind !== ')') throw this.unexpected(sep, '« , » ou « ) » est attendu dans la liste IN');
      this.next();
      if (sep.kind === ')') break;
    }
    return { type: 'in', operand: column, values, negated, position: column.position };
  }

  private parseInValue(): Literal {
    const value = this.parseOperand('une valeur est attendue dans la liste IN');
    if (value.type === 'column') {
      const quoted = this.previous?.kind === 'identifier' && this.previous.quoted;
      throw new WhereSyntaxError(
        value.position,
        quoted ? 'une colonne ne peut pas figurer dans une liste IN' : `${quote(value.name)} n'est pas une valeur, un texte s'écrit entre apostrophes : '${value.name}'`,
      );
    }
    if (value.kind === 'null') {
      throw new WhereSyntaxError(value.position, 'null ne peut pas figurer dans une liste IN (il ne correspond à rien), utilisez IS NULL');
    }
    return value;
  }

  private parseLike(left: Operand, negated: boolean): WhereNode {
    const column = requireColumn(left, 'LIKE');
    this.next();
    const pattern = this.peek();
    if (pattern.kind !== 'string') throw this.unexpected(pattern, "un motif entre apostrophes est attendu après LIKE, par exemple 'Év%'");
    this.next();
    return { type: 'like', operand: column, pattern: pattern.value, negated, position: column.position };
  }

  private parseIs(left: Operand): WhereNode {
    const column = requireColumn(left, 'IS NULL');
    this.next();
    const negated = isKeyword(this.peek(), 'NOT');
    if (negated) this.next();
    const t = this.peek();
    if (!isKeyword(t, 'NULL')) throw this.unexpected(t, negated ? 'NULL est attendu après IS NOT' : 'NULL ou NOT NULL est attendu après IS');
    this.next();
    return { type: 'isnull', operand: column, negated, position: column.position };
  }

  /** A column or a literal; `expected` says what was wanted when it is neither. */
  private parseOperand(expected: string): Operand {
    const t = this.peek();
    switch (t.kind) {
      case 'identifier': {
        if (!t.quoted) {
          const after = this.peek(1);
          if (after.kind === '(') {
            const fn = functionOf(t.name);
            throw fn ? new WhereSyntaxError(t.position, `${fn}(…) est une condition, pas une valeur`) : unknownFunction(t.position, t.name);
          }
          const keyword = dateKeywordOf(t.name);
          if (keyword && after.kind === 'string') return this.parseDate(t, keyword);
        }
        this.next();
        return { type: 'column', name: t.name, position: t.position };
      }
      case 'string':
        this.next();
        return { type: 'literal', kind: 'string', value: t.value, position: t.position };
      case 'number':
        this.next();
        return { type: 'literal', kind: 'number', value: t.value, position: t.position };
      case 'keyword':
        if (t.keyword === 'TRUE' || t.keyword === 'FALSE') {
          this.next();
          return { type: 'literal', kind: 'boolean', value: t.keyword === 'TRUE', position: t.position };
        }
        if (t.keyword === 'NULL') {
          this.next();
          return { type: 'literal', kind: 'null', value: null, position: t.position };
        }
        break;
    }
    throw this.unexpected(t, expected);
  }

  private parseDate(keywordToken: Token, keyword: DateKeyword): Literal {
    this.next();
    const text = this.next();
    const value = text.kind === 'string' ? text.value : '';
    if (keyword !== 'date') {
      throw new WhereSyntaxError(
        keywordToken.position,
        `${keywordToken.text}'…' n'est pas pris en charge, comparez à un texte, par exemple '2024-01-01T10:00:00', ou à une date, date'2024-01-01'`,
      );
    }
    if (!isIsoDate(value)) {
      throw new WhereSyntaxError(keywordToken.position, `date invalide ${quote(value)}, une date qui existe est attendue au format AAAA-MM-JJ`);
    }
    return { type: 'literal', kind: 'date', value, position: keywordToken.position };
  }

  private enter(t: Token): void {
    this.depth++;
    if (this.depth > WHERE_LIMITS.maxDepth) {
      throw new WhereSyntaxError(t.position, `expression trop imbriquée (${WHERE_LIMITS.maxDepth} niveaux de parenthèses ou de NOT au plus)`);
    }
  }

  private unexpected(t: Token, expected: string): WhereSyntaxError {
    if (t.kind === 'end') return new WhereSyntaxError(t.position, `fin de l'expression inattendue, ${expected}`);
    const prev = this.previous;
    // `'L'Aigle'` reads as the text 'L' glued to a word: say how to write the apostrophe.
    if (prev?.kind === 'string' && t.position === prev.end && (t.kind === 'identifier' || t.kind === 'keyword' || t.kind === 'number')) {
      return new WhereSyntaxError(t.position, `${quote(t.text)} inattendu juste après le texte ${quote(prev.text)}, une apostrophe dans un texte s'écrit deux fois : 'L''Aigle'`);
    }
    return new WhereSyntaxError(t.position, `${quote(t.text)} inattendu, ${expected}`);
  }

  private peek(offset = 0): Token {
    return this.tokens.peek(offset);
  }

  private next(): Token {
    this.previous = this.tokens.next();
    return this.previous;
  }
}

function isKeyword(t: Token, keyword: Keyword): boolean {
  return t.kind === 'keyword' && t.keyword === keyword;
}

function requireColumn(operand: Operand, operator: string): ColumnRef {
  if (operand.type === 'column') return operand;
  throw new WhereSyntaxError(operand.position, `${operator} s'applique à une colonne, pas à une valeur`);
}

/** A column as the user would write it again in a suggestion. */
function showColumn(column: ColumnRef): string {
  return isBareIdentifier(column.name) ? column.name : `\`${column.name.replaceAll('`', '``')}\``;
}
