/**
 * The catalogue returns links as paths from the site root; the API answers with absolute URLs.
 * Every string under a `links` object (at any depth, including nested `exports`) that starts with
 * `/` gets the base URL in front. Pure: the input is not changed.
 */
function absolutizeLinkValues(links: unknown, base: string): unknown {
  if (typeof links === 'string') return links.startsWith('/') ? base + links : links;
  if (Array.isArray(links)) return links.map((l) => absolutizeLinkValues(l, base));
  if (links && typeof links === 'object') {
    return Object.fromEntries(Object.entries(links).map(([k, v]) => [k, absolutizeLinkValues(v, base)]));
  }
  return links;
}

export function withAbsoluteLinks<T>(value: T, base: string): T {
  if (Array.isArray(value)) return value.map((v) => withAbsoluteLinks(v, base)) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key === 'links' ? absolutizeLinkValues(v, base) : withAbsoluteLinks(v, base)]),
  ) as T;
}
