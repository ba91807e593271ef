import { NUMERIC_KINDS, UNORDERED_KINDS, type FieldIndex } from './query-fields';
import type { Aggregate, AggregateFn, SortKey } from './records-query';

/**
 * The parameters that shape the answer rather than filter it: `_select`, `_sort`, `_facet`,
 * `_group_by`, `_agg`. Each takes a comma-separated list; each problem is reported under its
 * parameter, in French.
 */
export interface Problems {
  add(path: string, message: string): void;
}

export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Field names of a list parameter, each checked, duplicates dropped. */
export function parseFieldList(param: string, text: string, fields: FieldIndex, problems: Problems): string[] {
  const names = splitList(text);
  if (names.length === 0) problems.add(param, `${param} : au moins une colonne attendue`);
  const known: string[] = [];
  for (const name of names) {
    if (!fields.get(name)) problems.add(param, `${param} : colonne « ${name} » inconnue ; colonnes disponibles : ${fields.names()}`);
    else if (!known.includes(name)) known.push(name);
  }
  return known;
}

/** `col,-col2`; `allowed` are the names sortable here (fields, or group keys and aggregate keys). */
export function parseSort(text: string, allowed: readonly string[], problems: Problems): SortKey[] {
  const keys: SortKey[] = [];
  for (const item of splitList(text)) {
    const desc = item.startsWith('-');
    const name = desc ? item.slice(1) : item;
    if (!allowed.includes(name)) {
      problems.add('_sort', `_sort : « ${name} » inconnu ; tri possible sur : ${allowed.join(', ')} (préfixe « - » pour l'ordre décroissant)`);
    } else if (keys.some((k) => k.field === name)) {
      problems.add('_sort', `_sort : « ${name} » apparaît deux fois`);
    } else {
      keys.push({ field: name, desc });
    }
  }
  return keys;
}

const AGGREGATES: Record<Exclude<AggregateFn, 'count'>, string> = {
  sum: 'somme', avg: 'moyenne', min: 'minimum', max: 'maximum',
};

/** `count,sum:montant,avg:montant,min:date` → aggregates keyed `count`, `sum_montant`… */
export function parseAggregates(text: string, fields: FieldIndex, problems: Problems): Aggregate[] {
  const aggregates: Aggregate[] = [];
  const allowed = `count, ${Object.keys(AGGREGATES).map((f) => `${f}:colonne`).join(', ')}`;
  for (const item of splitList(text)) {
    if (item === 'count') {
      if (!aggregates.some((a) => a.key === 'count')) aggregates.push({ fn: 'count', key: 'count' });
      continue;
    }
    const [fn, name, extra] = item.split(':');
    if (!(fn in AGGREGATES) || name === undefined || extra !== undefined) {
      problems.add('_agg', `_agg : « ${item} » inconnu ; agrégats possibles : ${allowed}`);
      continue;
    }
    const field = fields.get(name);
    if (!field) {
      problems.add('_agg', `_agg : colonne « ${name} » inconnue ; colonnes disponibles : ${fields.names()}`);
    } else if ((fn === 'sum' || fn === 'avg') && !NUMERIC_KINDS.has(field.kind)) {
      problems.add('_agg', `_agg : ${fn} (${AGGREGATES[fn as 'sum']}) ne s'applique qu'aux colonnes numériques ; « ${name} » n'en est pas une`);
    } else if (UNORDERED_KINDS.has(field.kind)) {
      problems.add('_agg', `_agg : ${fn} ne s'applique pas à la colonne « ${name} » (${field.kind})`);
    } else {
      const key = `${fn}_${name}`;
      if (!aggregates.some((a) => a.key === key)) aggregates.push({ fn: fn as AggregateFn, field: name, key });
    }
  }
  if (aggregates.length === 0 && splitList(text).length === 0) problems.add('_agg', '_agg : au moins un agrégat attendu');
  return aggregates;
}
