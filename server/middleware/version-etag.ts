import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Responses about one dataset version carry an ETag made of the dataset's slug, the version number
 * and a hash of what else shapes the body: the path and query string, plus `extra` (the base URL
 * where the body holds absolute links, the metadata's last change where it shows metadata). The data of a version never changes,
 * so a client holding the ETag gets a 304 until a new version is published.
 */
export interface EtagParts {
  dataset: string;
  /** Absent for what is not tied to a version (the row schema: its own content goes in `extra`). */
  version?: number;
  /** Anything else the body depends on (updated_at of the metadata, say). */
  extra?: string;
}

export function versionEtag(req: Request, parts: EtagParts): string {
  const hash = createHash('sha256')
    .update(`${req.originalUrl}\n${parts.extra ?? ''}`)
    .digest('base64url')
    .slice(0, 16);
  const slug = parts.dataset.replace(/[^A-Za-z0-9._-]/g, '_');
  return `W/"${slug}${parts.version === undefined ? '' : `-v${parts.version}`}-${hash}"`;
}

/** Sets the ETag and answers 304 when the client's `If-None-Match` has it: true means done. */
export function answeredNotModified(req: Request, res: Response, etag: string): boolean {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (!req.fresh) return false;
  res.status(304).end();
  return true;
}
