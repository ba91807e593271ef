import type { Literal, Operand, WhereNode } from '../../../../catalogue/query/where/ast';

/**
 * A small printer for the property tests: a tree back to `_where` text. It prints the fewest
 * parentheses the grammar needs (AND inside OR goes bare), so that a round trip also checks
 * precedence, and a nested AND/OR of the same kind gets parentheses, since the parser keeps
 * groups as written.
 */
export interface PrintStyle {
  /** Keywords and function names in capitals, or in small letters. */
  upper: boolean;
  /** What separates tokens: a space, a newline… */
  space: string;
}

const DEFAULT_STYLE: PrintStyle = { upper: true, space: ' ' };
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'LIKE', 'IS', 'NULL', 'TRUE', 'FALSE']);

export function printWhere(node: WhereNode, style: PrintStyle = DEFAULT_STYLE): string {
  const kw = (word: string) => (style.upper ? word.toUpperCase() : word.toLowerCase());
  const sp = style.space;
  const group = (child: WhereNode, needed: boolean) => (needed ? `(${printWhere(child, style)})` : printWhere(child, style));
  const not = (negated: boolean) => (negated ? `${kw('NOT')}${sp}` : '');
  const args = (values: number[]) => values.map(printNumber).join(`,${sp}`);
  switch (node.type) {
    case 'and':
      return node.operands.map((o) => group(o, o.type === 'and' || o.type === 'or')).join(`${sp}${kw('AND')}${sp}`);
    case 'or':
      return node.operands.map((o) => group(o, o.type === 'or')).join(`${sp}${kw('OR')}${sp}`);
    case 'not':
      return `${kw('NOT')}${sp}${group(node.operand, node.operand.type === 'and' || node.operand.type === 'or')}`;
    case 'compare':
      return `${printOperand(node.left, style)}${sp}${node.op}${sp}${printOperand(node.right, style)}`;
    case 'in':
      return `${printOperand(node.operand, style)}${sp}${not(node.negated)}${kw('IN')}${sp}(${node.values.map((v) => printOperand(v, style)).join(`,${sp}`)})`;
    case 'like':
      return `${printOperand(node.operand, style)}${sp}${not(node.negated)}${kw('LIKE')}${sp}${printString(node.pattern)}`;
    case 'isnull':
      return `${printOperand(node.operand, style)}${sp}${kw('IS')}${sp}${not(node.negated)}${kw('NULL')}`;
    case 'search':
      return `${kw('search')}(${printString(node.text)})`;
    case 'in_bbox':
      return `${kw('in_bbox')}(${args([node.minLon, node.minLat, node.maxLon, node.maxLat])})`;
    case 'within_distance':
      return `${kw('within_distance')}(${args([node.lat, node.lon, node.metres])})`;
  }
}

export function printOperand(operand: Operand, style: PrintStyle = DEFAULT_STYLE): string {
  return operand.type === 'column' ? printColumn(operand.name) : printLiteral(operand, style);
}

function printLiteral(literal: Literal, style: PrintStyle): string {
  switch (literal.kind) {
    case 'string':
      return printString(literal.value);
    case 'number':
      return printNumber(literal.value);
    case 'boolean':
      return style.upper ? String(literal.value).toUpperCase() : String(literal.value);
    case 'date':
      return `${style.upper ? 'DATE' : 'date'}'${literal.value}'`;
    case 'null':
      return style.upper ? 'NULL' : 'null';
  }
}

export function printColumn(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{M}\p{Nd}_]*$/u.test(name) && !(/^[A-Za-z]+$/.test(name) && KEYWORDS.has(name.toUpperCase()));
  return bare ? name : `\`${name.replaceAll('`', '``')}\``;
}

function printString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Digits past 2^53 are refused by the parser (they would not be exact): use the exponent form. */
function printNumber(value: number): string {
  return Number.isInteger(value) && !Number.isSafeInteger(value) ? value.toExponential() : String(value);
}
