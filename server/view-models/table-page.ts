import type { DatasetDetail, VersionView } from '../../catalogue/datasets-service';
import { OPERATORS } from '../../catalogue/query/operators';
import type { RecordsPage } from '../../catalogue/records';
import { formatCell } from './cells';
import { toDownloads } from './downloads';
import { formatNumber, plural } from './format';
import { toReuse } from './reuse';
import { ADD_FILTER, DEFAULT_SIZE, FORM_FIELDS, PAGING, isFilter } from './table-params';
import { pageLinks, valueOf, without, type QueryPairs } from './urls';

/**
 * The table explorer (`/datasets/{slug}/table`): the records API's answer for the page's own
 * query string, as a form and links that work without JavaScript: column headers sort, each
 * active filter has a link that removes it, pages go by `_offset` and, past the API's offset
 * limit, by the `_next` cursor. Downloads and API examples carry the same filters.
 */
const SIZES = ['10', '20', '50', '100'];
const MAX_OFFSET = 10_000;

export interface TableInputs {
  detail: DatasetDetail;
  pairs: QueryPairs;
  page: RecordsPage | null;
  problems: Array<{ path?: string; message: string }>;
  currentVersion: VersionView | undefined;
  base: string;
}

const OPERATOR_LABELS = new Map<string, string>(OPERATORS.map((o) => [o.name, o.description.replace(/ \(.*\)$/, '')]));

const AGGREGATES: Record<string, string> = { sum: 'Somme', avg: 'Moyenne', min: 'Minimum', max: 'Maximum' };

/** A column's title, or for a group's computed column (`count`, `sum_montant`…) what it computes. */
function fieldTitle(detail: DatasetDetail, name: string): string {
  const field = detail.fields.find((f) => f.name === name);
  if (field) return field.title || name;
  if (name === 'count') return 'Nombre de lignes';
  const match = /^(sum|avg|min|max)_(.+)$/.exec(name);
  const of = match && detail.fields.find((f) => f.name === match[2]);
  return of ? `${AGGREGATES[match[1]]} : ${of.title || of.name}` : name;
}

function describePair(detail: DatasetDetail, [name, value]: [string, string]): string {
  if (name === '_q') return `Recherche : « ${value} »`;
  if (name === '_where') return `Expression : ${value}`;
  if (name === '_select') return `Colonnes : ${value}`;
  if (name === '_bbox') return `Dans le rectangle ${value}`;
  if (name === '_group_by') return `Regroupé par ${value.split(',').map((c) => fieldTitle(detail, c.trim())).join(', ')}`;
  if (name === '_agg') return `Calculs : ${value}`;
  if (!isFilter(name)) return `${name} = ${value}`;
  const split = detail.fields.some((f) => f.name === name) ? -1 : name.lastIndexOf('__');
  const column = split > 0 ? name.slice(0, split) : name;
  const op = split > 0 ? name.slice(split + 2) : 'exact';
  if (op === 'isnull') return `${fieldTitle(detail, column)} : ${value === 'false' ? 'renseigné' : 'vide'}`;
  return `${fieldTitle(detail, column)} ${OPERATOR_LABELS.get(op) ?? op} « ${value} »`;
}

function activeFilters(detail: DatasetDetail, pairs: QueryPairs) {
  return pairs
    .map((pair, index) => ({ pair, index }))
    .filter(({ pair: [name] }) => !PAGING.includes(name) && name !== '_sort' && name !== '_size' && name !== '_count')
    .map(({ pair, index }) => ({
      label: describePair(detail, pair),
      removeHref: pageLinks.table(detail.slug, without(pairs.filter((_, i) => i !== index), ...PAGING)),
    }));
}

function sortState(pairs: QueryPairs, column: string): 'ascending' | 'descending' | null {
  const first = (valueOf(pairs, '_sort') ?? '').split(',')[0]?.trim();
  if (first === column) return 'ascending';
  if (first === `-${column}`) return 'descending';
  return null;
}

function sortHref(slug: string, pairs: QueryPairs, column: string): string {
  const state = sortState(pairs, column);
  const rest = without(pairs, '_sort', ...PAGING);
  if (state === 'descending') return pageLinks.table(slug, rest);
  return pageLinks.table(slug, [...rest, ['_sort', state === 'ascending' ? `-${column}` : column]]);
}

function kindOf(detail: DatasetDetail, name: string, value: unknown): string {
  const field = detail.fields.find((f) => f.name === name);
  if (field) return field.type;
  return typeof value === 'number' ? 'number' : 'string';
}

function table(detail: DatasetDetail, pairs: QueryPairs, page: RecordsPage) {
  const grouped = page.groups !== undefined;
  const rows: Array<Record<string, unknown>> = grouped ? page.groups ?? [] : page.records;
  const names = grouped ? Object.keys(rows[0] ?? {}) : page.fields.map((f) => f.name);
  return {
    grouped,
    columns: names.map((name) => {
      const state = grouped ? null : sortState(pairs, name);
      return {
        name,
        title: fieldTitle(detail, name),
        sortable: !grouped,
        sortHref: grouped ? null : sortHref(detail.slug, pairs, name),
        ariaSort: state,
        sortIcon: state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕',
        sortHint: state === 'ascending' ? 'trié par ordre croissant ; activer pour trier par ordre décroissant'
          : state === 'descending' ? 'trié par ordre décroissant ; activer pour ne plus trier' : 'activer pour trier par ordre croissant',
      };
    }),
    rows: rows.map((r) => names.map((n) => formatCell(r[n], kindOf(detail, n, r[n])))),
  };
}

function paging(detail: DatasetDetail, pairs: QueryPairs, page: RecordsPage) {
  const size = Number(valueOf(pairs, '_size') ?? DEFAULT_SIZE);
  const byCursor = valueOf(pairs, '_next') !== undefined;
  const offset = byCursor ? null : Number(valueOf(pairs, '_offset') ?? 0);
  const rest = without(pairs, ...PAGING);
  const count = page.groups?.length ?? page.records.length;
  const total = page.total_count;
  let next: string | null = null;
  if (page.next !== null) {
    next = offset !== null && offset + size <= MAX_OFFSET
      ? pageLinks.table(detail.slug, [...rest, ['_offset', String(offset + size)]])
      : pageLinks.table(detail.slug, [...rest, ['_next', page.next]]);
  } else if (page.groups && offset !== null && total !== null && offset + count < total && offset + size <= MAX_OFFSET) {
    next = pageLinks.table(detail.slug, [...rest, ['_offset', String(offset + size)]]);
  }
  const prev = offset !== null && offset > 0
    ? pageLinks.table(detail.slug, offset - size > 0 ? [...rest, ['_offset', String(offset - size)]] : rest)
    : null;
  const noun = page.groups ? ['groupe', 'groupes'] : ['ligne', 'lignes'];
  const range = count === 0 ? (page.groups ? 'Aucun groupe' : 'Aucune ligne')
    : offset === null ? `${plural(count, noun[0], noun[1])} après la page précédente`
    : `${noun[1][0].toUpperCase()}${noun[1].slice(1)} ${formatNumber(offset + 1)} à ${formatNumber(offset + count)}`;
  return {
    prev,
    next,
    first: byCursor ? pageLinks.table(detail.slug, rest) : null,
    summary: total === null || count === 0 ? range : `${range} sur ${formatNumber(total)}`,
    total: total === null ? null
      : total === 0 ? (page.groups ? 'Aucun groupe' : 'Aucune ligne ne correspond à ces filtres')
      : plural(total, noun[0] === 'ligne' ? 'ligne correspond' : 'groupe', noun[0] === 'ligne' ? 'lignes correspondent' : 'groupes'),
  };
}

function form(detail: DatasetDetail, pairs: QueryPairs) {
  const sort = valueOf(pairs, '_sort') ?? '';
  const size = valueOf(pairs, '_size') ?? DEFAULT_SIZE;
  const sortOptions = [{ value: '', label: 'ordre du fichier', selected: sort === '' }];
  for (const f of detail.fields) {
    const title = f.title || f.name;
    sortOptions.push({ value: f.name, label: `${title} (croissant)`, selected: sort === f.name });
    sortOptions.push({ value: `-${f.name}`, label: `${title} (décroissant)`, selected: sort === `-${f.name}` });
  }
  if (sort && !sortOptions.some((o) => o.selected)) sortOptions.push({ value: sort, label: sort, selected: true });
  return {
    action: pageLinks.table(detail.slug),
    q: valueOf(pairs, '_q') ?? '',
    where: valueOf(pairs, '_where') ?? '',
    sortOptions,
    sizes: (SIZES.includes(size) ? SIZES : [...SIZES, size]).map((s) => ({ value: s, selected: s === size })),
    hidden: pairs.filter(([name]) => !FORM_FIELDS.includes(name) && !PAGING.includes(name)).map(([name, value]) => ({ name, value })),
    columns: detail.fields.map((f) => ({ value: f.name, label: f.title && f.title !== f.name ? `${f.title} (${f.name})` : f.name })),
    operators: OPERATORS.map((o) => ({ value: o.name, label: o.description })),
    names: ADD_FILTER,
  };
}

export function toTablePage({ detail, pairs, page, problems, currentVersion, base }: TableInputs) {
  const filters = pairs.filter(([name]) => !PAGING.includes(name));
  return {
    title: `Tableau : ${detail.title}`,
    nav: 'datasets',
    breadcrumbs: [
      { label: 'Jeux de données', href: pageLinks.search() },
      { label: detail.title, href: pageLinks.dataset(detail.slug) },
    ],
    scripts: ['/assets/js/table-explorer.js'],
    dataset: { title: detail.title, href: pageLinks.dataset(detail.slug), published: detail.version !== null },
    form: form(detail, pairs),
    active: activeFilters(detail, pairs),
    resetHref: filters.length ? pageLinks.table(detail.slug) : null,
    problems,
    table: page ? table(detail, pairs, page) : null,
    paging: page ? paging(detail, pairs, page) : null,
    downloads: detail.version !== null ? toDownloads(detail, currentVersion, filters) : [],
    reuse: detail.version !== null ? toReuse(detail, base, filters, null) : null,
  };
}
