import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Sends a document built whole for each request (sitemap, feed, DCAT-AP) with a short public
 * cache and an ETag of its body: a crawler or harvester that comes back gets a 304 without the
 * bytes. Only an ETag, no Last-Modified: these documents show titles and producers' names, which
 * change without any date the catalogue keeps, so a date could answer 304 for a body that changed.
 */
export const CACHEABLE_MAX_AGE_SECONDS = 300;

export function sendCacheable(req: Request, res: Response, type: string, body: string): void {
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  res.setHeader('Cache-Control', `public, max-age=${CACHEABLE_MAX_AGE_SECONDS}`);
  res.setHeader('ETag', etag);
  if (req.fresh) return void res.status(304).end();
  res.type(type).send(body);
}
