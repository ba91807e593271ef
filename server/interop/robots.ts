/**
 * robots.txt: the public pages are open to crawlers; what is not a page, or not public, is not.
 * - /espace, /connexion: the stewards' workspace and sign-in, private and useless in results.
 * - /api/v1/: the records, exports and diffs are data, possibly millions of rows per dataset, and
 *   every filter combination is a new URL: crawling them would load the database for nothing.
 *   Search engines find the datasets through their pages and the JSON-LD in them.
 * - the table explorer with a query string (`/datasets/{slug}/table?…`) has as many URLs as
 *   filter combinations; the unfiltered table (in the sitemap) stays open.
 * - /datasets?: search result pages with parameters (facets, pages), the same datasets again.
 * The API documentation page (/api) and the DCAT-AP and CKAN catalogues stay open to harvesters.
 */
export function robotsTxt(base: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /espace',
    'Disallow: /connexion',
    'Disallow: /api/v1/',
    'Disallow: /datasets/*/table?',
    'Disallow: /datasets?',
    '',
    `Sitemap: ${base}/sitemap.xml`,
    '',
  ].join('\n');
}
