/**
 * The records page's `next`: an absolute URL to the same path with the same parameters, in the
 * same order, plus `_next=<token>`. A previous `_next` is replaced, and `_offset` dropped: the
 * cursor already says where the next page starts.
 */
export function nextPageUrl(base: string, path: string, rawQuery: string, token: string): string {
  const params = new URLSearchParams(rawQuery);
  params.delete('_next');
  params.delete('_offset');
  params.append('_next', token);
  return `${base}${path}?${params.toString()}`;
}

/** What follows `?` in a request URL, or ''. */
export function rawQueryOf(originalUrl: string): string {
  const at = originalUrl.indexOf('?');
  return at < 0 ? '' : originalUrl.slice(at + 1);
}
