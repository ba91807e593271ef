import { create } from 'xmlbuilder2';
import { xmlText } from './xml-text';

/**
 * Sitemaps (sitemaps.org protocol 0.9), built with xmlbuilder2. One file holds at most 50,000
 * URLs; past that, `/sitemap.xml` becomes a sitemap index whose parts are `/sitemap.xml?page=n`,
 * each a slice of the same ordered list, so a URL is in exactly one part.
 */
export const SITEMAP_MAX_URLS = 50_000;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** W3C datetime (ISO 8601) of the page's last change, when known. */
  lastmod?: string;
}

function document(root: 'urlset' | 'sitemapindex', child: 'url' | 'sitemap', entries: readonly SitemapUrl[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, root);
  for (const entry of entries) {
    const node = doc.ele(child);
    node.ele('loc').txt(xmlText(entry.loc));
    if (entry.lastmod) node.ele('lastmod').txt(xmlText(entry.lastmod));
  }
  return doc.end({ prettyPrint: true });
}

const newest = (entries: readonly SitemapUrl[]) =>
  entries.reduce<string | undefined>((max, e) => (e.lastmod && (!max || e.lastmod > max) ? e.lastmod : max), undefined);

function partCount(total: number, maxUrls: number): number {
  return Math.max(1, Math.ceil(total / maxUrls));
}

/**
 * The document `/sitemap.xml?page=` answers: without a page, the whole sitemap when it fits in
 * one file, else the index of the parts; with a page, that part. Null for a page that does not
 * exist (or a page asked of a sitemap that has no parts).
 */
export function sitemapDocument(urls: readonly SitemapUrl[], page: number | null, sitemapUrl: string, maxUrls = SITEMAP_MAX_URLS): string | null {
  const parts = partCount(urls.length, maxUrls);
  if (page === null) {
    if (parts === 1) return document('urlset', 'url', urls);
    const index = Array.from({ length: parts }, (_, i) => {
      const slice = urls.slice(i * maxUrls, (i + 1) * maxUrls);
      return { loc: `${sitemapUrl}?page=${i + 1}`, lastmod: newest(slice) };
    });
    return document('sitemapindex', 'sitemap', index);
  }
  if (parts === 1 || page < 1 || page > parts) return null;
  return document('urlset', 'url', urls.slice((page - 1) * maxUrls, page * maxUrls));
}
