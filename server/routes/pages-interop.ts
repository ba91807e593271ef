import { Router, type Request } from 'express';
import type { DatasetListItem, DatasetsService } from '../../catalogue/datasets-service';
import { atomFeed, FEED_PATH } from '../interop/atom-feed';
import { publicPageUrls } from '../interop/public-pages';
import { robotsTxt } from '../interop/robots';
import { sendCacheable } from '../render/cacheable-body';
import { SITEMAP_MAX_URLS, sitemapDocument } from '../interop/sitemap';
import { baseUrl, type PagesContext } from './pages-context';

/**
 * What search engines and feed readers fetch besides the pages: `/sitemap.xml` (every public
 * page), `/feed.atom` (the newest publications) and `/robots.txt`. All three are built from the
 * catalogue on each request (a few list calls) and may be cached a few minutes; an ETag of the
 * body lets a crawler that comes back get a 304.
 */
export interface InteropPagesOptions {
  /** URLs per sitemap file before it splits into an index of parts (tests make it small). */
  sitemapMaxUrls?: number;
  /** Publications in the feed. */
  feedSize?: number;
}

/** The whole catalogue in title order, as the site map page lists it. */
async function allDatasets(datasets: DatasetsService): Promise<DatasetListItem[]> {
  return datasets.searchAll({ sort: 'title' });
}

/** `?page=`: absent (null), or a positive integer; anything else is a page that does not exist. */
function sitemapPage(req: Request): number | null | undefined {
  const raw = req.query.page;
  if (raw === undefined) return null;
  return typeof raw === 'string' && /^[1-9][0-9]{0,6}$/.test(raw) ? Number(raw) : undefined;
}

export function interopPagesRouter(ctx: PagesContext, options: InteropPagesOptions = {}): Router {
  const { datasets } = ctx.catalogue;
  const maxUrls = options.sitemapMaxUrls ?? SITEMAP_MAX_URLS;
  const router = Router();

  router.get('/sitemap.xml', async (req, res, next) => {
    const page = sitemapPage(req);
    if (page === undefined) return next();
    const base = baseUrl(ctx, req);
    const [list, { organizations }] = await Promise.all([allDatasets(datasets), datasets.organizations()]);
    const xml = sitemapDocument(publicPageUrls(list, organizations, base), page, `${base}/sitemap.xml`, maxUrls);
    if (xml === null) return next();
    sendCacheable(req, res, 'application/xml; charset=utf-8', xml);
  });

  router.get(FEED_PATH, async (req, res) => {
    const { versions } = await datasets.latestVersions(options.feedSize);
    const xml = atomFeed(versions, ctx.config.site, baseUrl(ctx, req));
    sendCacheable(req, res, 'application/atom+xml; charset=utf-8', xml);
  });

  router.get('/robots.txt', (req, res) => {
    sendCacheable(req, res, 'text/plain; charset=utf-8', robotsTxt(baseUrl(ctx, req)));
  });

  return router;
}
