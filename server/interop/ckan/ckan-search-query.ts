import type { DatasetListItem } from '../../../catalogue/datasets-service';
import { CkanError } from './ckan-envelope';
import { ckanGroupName } from './ckan-groups';
import { ckanIds } from './ckan-ids';
import { ckanLicenceId } from './ckan-licence';

/**
 * The part of Solr's query syntax CKAN clients put in `q` and `fq`: `field:value` terms (value bare,
 * "quoted" or a `[from TO to]` range, `*` for any), `-` to exclude, `OR` between terms, `AND` and
 * parentheses as plain grouping. ckanext-harvest sends `organization:a OR organization:b`,
 * `-organization:c`, `groups:x` and `metadata_modified:[2026-01-01T00:00:00Z TO *]`; data.gouv.fr's
 * harvester `organization:a AND -tags:b` in `q`. Words without a field are the full-text search.
 * A field we cannot answer is a 400 Search Query Error, never a silently wider result.
 */
interface Term {
  exclude: boolean;
  field: string;
  value: string;
}

export interface SearchQuery {
  /** Free words of `q`, for the catalogue's own accent-folded search; '' for none. */
  text: string;
  /** Every group must match; within a group, any term (an `OR` chain). */
  groups: Term[][];
}

const FIELDS = ['organization', 'owner_org', 'tags', 'groups', 'name', 'id', 'license_id', 'metadata_modified', 'dataset_type', 'type', 'capacity', 'state'] as const;

const TOKEN = /[+-]?[A-Za-z_]+:(?:"[^"]*"|\[[^\]]*\]|[^\s()]+)|"[^"]*"|[^\s()]+/g;

function queryError(message: string): CkanError {
  return new CkanError(400, { __type: 'Search Query Error', message });
}

const unquote = (value: string) => (value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value);

export function parseSearchQuery(q: string, fq: string): SearchQuery {
  const words: string[] = [];
  const groups: Term[][] = [];
  for (const [source, text] of [['q', q], ['fq', fq]] as const) {
    let joinNext = false;
    for (const token of text.match(TOKEN) ?? []) {
      if (token === 'AND' || token === '&&') continue;
      if (token === 'OR' || token === '||') {
        joinNext = groups.length > 0;
        continue;
      }
      const field = /^([+-]?)([A-Za-z_]+):(.*)$/s.exec(token);
      if (!field) {
        if (token === '*:*' || token === '*') continue;
        if (source === 'fq') throw queryError(`fq : « ${token} » n’est pas un terme champ:valeur`);
        words.push(unquote(token));
        continue;
      }
      const [, sign, name, raw] = field;
      if (name === '*' || (raw === '*' && sign !== '-')) continue;
      if (!(FIELDS as readonly string[]).includes(name)) {
        throw queryError(`${source} : champ « ${name} » inconnu ; champs permis : ${FIELDS.join(', ')}`);
      }
      const term = { exclude: sign === '-', field: name, value: unquote(raw) };
      if (name === 'metadata_modified') parseRange(term.value);
      if (joinNext) groups[groups.length - 1].push(term);
      else groups.push([term]);
      joinNext = false;
    }
  }
  return { text: words.join(' '), groups };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** `[2026-01-01T00:00:00Z TO *]` → bounds in ms (null: open). */
function parseRange(value: string): { from: number | null; to: number | null } {
  const match = /^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$/i.exec(value);
  if (!match) throw queryError(`metadata_modified : « ${value} » n’est pas un intervalle [début TO fin]`);
  const bound = (raw: string): number | null => {
    if (raw === '*') return null;
    if (raw.toUpperCase() === 'NOW') return Date.now();
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) throw queryError(`metadata_modified : « ${raw} » n’est pas une date ISO 8601`);
    return ms;
  };
  return { from: bound(match[1]), to: bound(match[2]) };
}

function termMatches(item: DatasetListItem, term: Term): boolean {
  const value = term.value;
  switch (term.field) {
    case 'organization':
      return item.organization.slug === value;
    case 'owner_org':
      return item.organization.slug === value || ckanIds.organization(item.organization.slug) === value;
    case 'tags':
      return [...item.keywords, ...item.themes].some((t) => fold(t) === fold(value));
    case 'groups':
      return item.themes.some((t) => ckanGroupName(t) === fold(value) || fold(t) === fold(value));
    case 'name':
      return item.slug === value;
    case 'id':
      return ckanIds.package(item.slug) === value;
    case 'license_id':
      return ckanLicenceId(item.licence) === value;
    case 'metadata_modified': {
      const { from, to } = parseRange(value);
      const at = Date.parse(item.updated_at);
      return (from === null || at >= from) && (to === null || at <= to);
    }
    case 'dataset_type':
    case 'type':
      return value === 'dataset';
    case 'capacity':
      return value === 'public';
    case 'state':
      return value === 'active';
    default:
      return false;
  }
}

export function matchesSearchQuery(item: DatasetListItem, query: SearchQuery): boolean {
  return query.groups.every((group) => group.some((term) => termMatches(item, term) !== term.exclude));
}
