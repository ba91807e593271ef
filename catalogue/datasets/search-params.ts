import { CatalogueError, type ErrorDetail } from '../errors';

/**
 * `GET /api/v1/datasets` parameters, checked against an allow-list (architecture point 7): any
 * unknown parameter, sort or out-of-range page is a bad-request whose details name each faulty
 * parameter and say what is allowed.
 */
export type CatalogueParams = Record<string, string | string[] | undefined>;

export const SEARCH_SORTS = ['-updated', 'title', '-records', 'relevance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_LIMITS = { defaultPageSize: 20, maxPageSize: 100 } as const;

export const SEARCH_PARAMS = ['q', 'theme', 'organization', 'keyword', 'licence', 'geo', 'sort', 'page', 'page_size'] as const;

export interface SearchQuery {
  q: string | null;
  themes: string[];
  organizations: string[];
  keywords: string[];
  licences: string[];
  geo: boolean | null;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

function positiveInteger(raw: string): number | null {
  return /^[0-9]{1,9}$/.test(raw) ? Number(raw) : null;
}

export function parseSearchParams(params: CatalogueParams): SearchQuery {
  const details: ErrorDetail[] = [];
  const fail = (param: string, message: string) => details.push({ path: param, message: `${param} : ${message}` });
  const values = (name: string): string[] => {
    const raw = params[name];
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    return list.map((v) => v.trim()).filter((v) => v !== '');
  };
  const single = (name: string): string | null => {
    const list = values(name);
    if (list.length > 1) fail(name, 'ce paramètre ne peut être donné qu’une fois');
    return list[0] ?? null;
  };

  for (const name of Object.keys(params)) {
    if (!(SEARCH_PARAMS as readonly string[]).includes(name)) {
      fail(name, `paramètre inconnu ; paramètres permis : ${SEARCH_PARAMS.join(', ')}`);
    }
  }
  const q = single('q');
  const geoRaw = single('geo');
  let geo: boolean | null = null;
  if (geoRaw !== null) {
    if (geoRaw === 'true' || geoRaw === 'false') geo = geoRaw === 'true';
    else fail('geo', `« ${geoRaw} » n’est pas permis ; valeurs permises : true, false`);
  }
  const sortRaw = single('sort');
  let sort: SearchSort = q ? 'relevance' : '-updated';
  if (sortRaw !== null) {
    if ((SEARCH_SORTS as readonly string[]).includes(sortRaw)) sort = sortRaw as SearchSort;
    else fail('sort', `tri « ${sortRaw} » inconnu ; tris permis : ${SEARCH_SORTS.join(', ')}`);
  }
  const pageRaw = single('page');
  let page = 1;
  if (pageRaw !== null) {
    const n = positiveInteger(pageRaw);
    if (n === null || n < 1) fail('page', `« ${pageRaw} » n’est pas un numéro de page (entier à partir de 1)`);
    else page = n;
  }
  const sizeRaw = single('page_size');
  let pageSize: number = SEARCH_LIMITS.defaultPageSize;
  if (sizeRaw !== null) {
    const n = positiveInteger(sizeRaw);
    if (n === null || n < 1 || n > SEARCH_LIMITS.maxPageSize) {
      fail('page_size', `« ${sizeRaw} » n’est pas permis : entier de 1 à ${SEARCH_LIMITS.maxPageSize}`);
    } else pageSize = n;
  }

  if (details.length > 0) {
    const names = [...new Set(details.map((d) => d.path))].join(', ');
    throw new CatalogueError('bad-request', `Paramètre(s) invalide(s) : ${names}.`, details);
  }
  // theme, organization, keyword and licence may be repeated: `theme=a&theme=b`.
  return {
    q, geo, sort, page, pageSize,
    themes: values('theme'),
    organizations: values('organization'),
    keywords: values('keyword'),
    licences: values('licence'),
  };
}
