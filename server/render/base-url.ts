import type { Request } from 'express';
import type { Config } from '../../catalogue/config';

/**
 * The site's absolute origin for links: BASE_URL when set (behind a proxy that rewrites hosts),
 * else the request's protocol and host ('trust proxy' decides whether X-Forwarded-* count).
 */
export function baseUrlOf(req: Request, config: Pick<Config, 'baseUrl'>): string {
  return config.baseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
