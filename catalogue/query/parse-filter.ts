import { convertValue } from './convert-value';
import { describeOperators, findOperator } from './operators';
import { TEXT_KINDS, type FieldIndex, type QueryField } from './query-fields';
import type { Filter } from './records-query';
import { WHERE_LIMITS } from './where/limits';
import { formatCount } from './where/tokenizer';

/**
 * One filter parameter: `col=v` (exact) or `col__op=v`. A column name that itself contains `__`
 * is matched whole first. Returns the filter, or the French messages of what is wrong.
 */
export type ParsedFilter = { ok: true; filter: Filter } | { ok: false; messages: string[] };

const bad = (...messages: string[]): ParsedFilter => ({ ok: false, messages });

function unknownColumn(name: string, fields: FieldIndex): string {
  return `colonne « ${name} » inconnue ; colonnes disponibles : ${fields.names()}`;
}

function converted(param: string, field: QueryField, text: string): { value?: unknown; message?: string } {
  const result = convertValue(field.kind, text);
  if (result.ok) return { value: result.value };
  return { message: `${param} : la valeur « ${text} » ne convient pas à la colonne « ${field.name} » (${result.expected} attendu)` };
}

export function parseFilter(param: string, text: string, fields: FieldIndex): ParsedFilter {
  let field = fields.get(param);
  let opName = 'exact';
  if (!field) {
    const split = param.lastIndexOf('__');
    if (split <= 0) return bad(unknownColumn(param, fields));
    field = fields.get(param.slice(0, split));
    opName = param.slice(split + 2);
    if (!field) return bad(unknownColumn(param.slice(0, split), fields));
  }
  const op = findOperator(opName);
  if (!op) return bad(`opérateur « ${opName} » inconnu ; opérateurs : ${describeOperators()}`);
  if (op.textOnly && !TEXT_KINDS.has(field.kind)) {
    return bad(`l'opérateur ${op.name} ne s'applique qu'aux colonnes texte ; « ${field.name} » n'en est pas une`);
  }
  switch (op.takes) {
    case 'boolean':
      if (text !== 'true' && text !== 'false') return bad(`${param} : true ou false attendu, pas « ${text} »`);
      return { ok: true, filter: { field: field.name, op: op.name, value: text === 'true' } };
    case 'list': {
      // The same bound as a `_where` IN list: a list of thousands of values would be as many
      // bound parameters (and as many messages), past what a statement and a report can hold.
      const items = text.split(',');
      if (items.length > WHERE_LIMITS.maxInValues) return bad(`${param} : liste trop longue (${formatCount(WHERE_LIMITS.maxInValues)} valeurs au plus)`);
      const values: unknown[] = [];
      const messages: string[] = [];
      for (const item of items) {
        const one = converted(param, field, item);
        if (one.message) messages.push(one.message);
        else values.push(one.value);
      }
      return messages.length ? bad(...messages) : { ok: true, filter: { field: field.name, op: op.name, value: values } };
    }
    case 'value': {
      // LIKE operators take the text as typed; only the other operators compare typed values.
      if (op.textOnly) return { ok: true, filter: { field: field.name, op: op.name, value: text } };
      const one = converted(param, field, text);
      return one.message ? bad(one.message) : { ok: true, filter: { field: field.name, op: op.name, value: one.value } };
    }
  }
}
