/**
 * The tree of a `_where` expression (contract section 6), as the parser produces it and the
 * compiler consumes it. Every node keeps the 1-based character position where it starts, so that
 * errors found later (an unknown column, a value of the wrong type) can still say where.
 */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Literal =
  | { type: 'literal'; kind: 'string'; value: string; position: number }
  | { type: 'literal'; kind: 'number'; value: number; position: number }
  | { type: 'literal'; kind: 'boolean'; value: boolean; position: number }
  | { type: 'literal'; kind: 'date'; value: string; position: number } // date'2024-01-01' → ISO text
  | { type: 'literal'; kind: 'null'; value: null; position: number };

export interface ColumnRef {
  type: 'column';
  name: string;
  position: number;
}

export type Operand = ColumnRef | Literal;

export type WhereNode =
  | { type: 'and' | 'or'; operands: WhereNode[]; position: number }
  | { type: 'not'; operand: WhereNode; position: number }
  | { type: 'compare'; op: CompareOp; left: Operand; right: Operand; position: number }
  | { type: 'in'; operand: ColumnRef; values: Literal[]; negated: boolean; position: number }
  | { type: 'like'; operand: ColumnRef; pattern: string; negated: boolean; position: number }
  | { type: 'isnull'; operand: ColumnRef; negated: boolean; position: number }
  | { type: 'search'; text: string; position: number }
  | { type: 'in_bbox'; minLon: number; minLat: number; maxLon: number; maxLat: number; position: number }
  | { type: 'within_distance'; lat: number; lon: number; metres: number; position: number };
