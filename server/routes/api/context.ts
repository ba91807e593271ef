import type { Request, Response } from 'express';
import type { Catalogue } from '../../../catalogue';
import type { Config } from '../../../catalogue/config';
import type { AuthKit } from '../../middleware/auth-kit';
import { HttpProblem } from '../../middleware/http-problem';
import { withAbsoluteLinks } from '../../render/absolute-links';
import { baseUrlOf } from '../../render/base-url';

/** What the API routers share: the catalogue, the configuration, and small answer helpers. */
export interface ApiContext {
  catalogue: Catalogue;
  config: Config;
  /** Sessions, CSRF and who-is-calling for the stewards' routes (built on first use when absent). */
  auth?: AuthKit;
}

export function baseUrl(ctx: ApiContext, req: Request): string {
  return baseUrlOf(req, ctx.config);
}

/** JSON with the catalogue's relative links made absolute. */
export function sendWithLinks(ctx: ApiContext, req: Request, res: Response, body: unknown): void {
  res.json(withAbsoluteLinks(body, baseUrl(ctx, req)));
}

/** A path segment that names a version: 1, 2, 3… (anything else is a 400 naming `n`). */
export function versionNumber(raw: string): number {
  if (/^[1-9][0-9]{0,8}$/.test(raw)) return Number(raw);
  throw new HttpProblem(400, 'bad-request', `Numéro de version invalide : « ${raw} ».`, [
    { path: 'n', message: `n : « ${raw} » n’est pas un numéro de version (entier à partir de 1)` },
  ]);
}

/** Route parameters as strings (express 5 types them loosely). */
export function param(req: Request, name: string): string {
  const value = (req.params as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}
