import { CkanError, ckanValidationError } from './ckan-envelope';

/**
 * The query parameters of the CKAN actions we answer, checked as CKAN's schemas check them
 * (ckan/logic/schema.py): integers must be natural numbers (409 Validation Error naming the
 * parameter), `rows` above 1000 is brought down to 1000 as CKAN's `limit_to_configured_maximum`
 * does, and `package_search` refuses a parameter it does not know with a 400 Search Query Error.
 * Parameters CKAN clients send that change nothing here (`use_default_schema`, `include_private`…)
 * are accepted and ignored; any other is refused rather than silently ignored.
 */
export type RawQuery = Record<string, unknown>;

export const CKAN_ROWS = { default: 10, max: 1000 } as const;

/** Accepted by each action; the first ones are honoured, the `IGNORED` ones only tolerated. */
const IGNORED = {
  package_show: ['use_default_schema', 'include_tracking', 'include_plugin_data'],
  package_search: ['fl', 'facet', 'facet.field', 'facet.limit', 'facet.mincount', 'include_private', 'include_drafts', 'include_deleted', 'use_default_schema', 'qf', 'defType'],
  organization_list: ['include_dataset_count', 'include_extras', 'include_tags', 'include_groups', 'include_users', 'type'],
} as const;

export const CKAN_PARAMETERS = {
  package_list: ['limit', 'offset'],
  package_show: ['id', ...IGNORED.package_show],
  package_search: ['q', 'fq', 'rows', 'start', 'sort', ...IGNORED.package_search],
  organization_list: ['all_fields', 'sort', 'limit', 'offset', ...IGNORED.organization_list],
  help_show: ['name'],
} as const;

export type CkanAction = keyof typeof CKAN_PARAMETERS;

class Checker {
  readonly errors: Record<string, string[]> = {};
  constructor(private readonly query: RawQuery) {}

  fail(name: string, message: string): void {
    (this.errors[name] ??= []).push(message);
  }

  /** One value (a repeated parameter is refused: CKAN would take it as a list and fail further on). */
  single(name: string): string | undefined {
    const raw = this.query[name];
    if (raw === undefined) return undefined;
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    if (typeof raw !== 'string') {
      this.fail(name, Array.isArray(raw) ? `${name} : ce paramètre ne peut être donné qu’une fois` : `${name} : un texte ou un nombre est attendu`);
      return undefined;
    }
    return raw;
  }

  natural(name: string, fallback: number | undefined): number | undefined {
    const raw = this.single(name)?.trim();
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?[0-9]{1,9}$/.test(raw)) {
      this.fail(name, `${name} : « ${raw} » n’est pas un entier`);
      return fallback;
    }
    const n = Number(raw);
    if (n < 0) this.fail(name, `${name} : doit être un entier positif ou nul`);
    return n < 0 ? fallback : n;
  }

  boolean(name: string): boolean {
    const raw = this.single(name)?.trim().toLowerCase();
    if (raw === undefined || raw === '') return false;
    if (['true', '1', 'yes', 'on', 't', 'y'].includes(raw)) return true;
    if (['false', '0', 'no', 'off', 'f', 'n'].includes(raw)) return false;
    this.fail(name, `${name} : « ${raw} » n’est pas un booléen (true ou false)`);
    return false;
  }

  unknown(action: CkanAction): string[] {
    const allowed: readonly string[] = CKAN_PARAMETERS[action];
    // `callback` (JSONP) and `_` (cache busting) are dropped by CKAN itself.
    return Object.keys(this.query).filter((name) => !allowed.includes(name) && name !== '_');
  }

  /** 409 naming every faulty parameter, after unknown ones were reported as the action reports them. */
  done(action: CkanAction): void {
    const unknown = this.unknown(action);
    if (unknown.length > 0 && action === 'package_search') {
      throw new CkanError(400, {
        __type: 'Search Query Error',
        message: `Paramètres de recherche invalides : ${unknown.join(', ')} ; paramètres permis : ${CKAN_PARAMETERS.package_search.join(', ')}`,
      });
    }
    for (const name of unknown) this.fail(name, `${name} : paramètre inconnu ; paramètres permis : ${CKAN_PARAMETERS[action].join(', ')}`);
    if (Object.keys(this.errors).length > 0) throw ckanValidationError(this.errors);
  }
}

export interface Window {
  offset: number;
  /** null: no limit. */
  limit: number | null;
}

export function packageListParams(query: RawQuery): Window {
  const c = new Checker(query);
  const limit = c.natural('limit', undefined);
  const offset = c.natural('offset', 0) ?? 0;
  c.done('package_list');
  return { offset, limit: limit ?? null };
}

export function packageShowParams(query: RawQuery): { id: string } {
  const c = new Checker(query);
  const id = c.single('id')?.trim();
  if (!id && query.id === undefined) c.fail('id', 'id : valeur manquante (le nom ou l’identifiant du jeu de données)');
  c.done('package_show');
  return { id: id ?? '' };
}

export function helpShowParams(query: RawQuery): { name: string } {
  const c = new Checker(query);
  const name = c.single('name')?.trim();
  if (!name && query.name === undefined) c.fail('name', 'name : valeur manquante (le nom d’une action)');
  c.done('help_show');
  return { name: name ?? '' };
}

export interface PackageSearchParams {
  q: string;
  fq: string;
  /** As given, or CKAN's default: echoed in the result's `sort`. */
  sort: string;
  rows: number;
  start: number;
}

export const DEFAULT_SEARCH_SORT = 'score desc, metadata_modified desc';

export function packageSearchParams(query: RawQuery): PackageSearchParams {
  const c = new Checker(query);
  const q = c.single('q')?.trim() ?? '';
  const fq = c.single('fq')?.trim() ?? '';
  const sort = c.single('sort')?.trim() || DEFAULT_SEARCH_SORT;
  const rows = Math.min(c.natural('rows', CKAN_ROWS.default) ?? CKAN_ROWS.default, CKAN_ROWS.max);
  const start = c.natural('start', 0) ?? 0;
  c.done('package_search');
  return { q, fq, sort, rows, start };
}

export interface OrganizationListParams extends Window {
  allFields: boolean;
  sort: 'name' | 'title' | 'package_count';
  descending: boolean;
}

const ORGANIZATION_SORTS = ['name', 'title', 'package_count'] as const;

export function organizationListParams(query: RawQuery): OrganizationListParams {
  const c = new Checker(query);
  const allFields = c.boolean('all_fields');
  // CKAN's default, and its syntax: `<field> [asc|desc]`.
  const rawSort = c.single('sort')?.trim() || 'name asc';
  const match = /^(name|title|package_count)(?:\s+(asc|desc))?$/i.exec(rawSort);
  if (!match) c.fail('sort', `sort : « ${rawSort} » n’est pas permis ; tris permis : ${ORGANIZATION_SORTS.map((s) => `${s} asc|desc`).join(', ')}`);
  const limit = c.natural('limit', undefined);
  const offset = c.natural('offset', 0) ?? 0;
  c.done('organization_list');
  return {
    allFields,
    sort: (match?.[1].toLowerCase() ?? 'name') as OrganizationListParams['sort'],
    descending: match?.[2]?.toLowerCase() === 'desc',
    offset,
    limit: limit ?? null,
  };
}

/** The `offset`/`limit` slice of a list. */
export function sliceWindow<T>(list: readonly T[], window: Window): T[] {
  return list.slice(window.offset, window.limit === null ? undefined : window.offset + window.limit);
}
