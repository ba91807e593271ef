import type { Request } from 'express';
import type { Catalogue } from '../../catalogue';
import type { Config } from '../../catalogue/config';
import { isCatalogueError } from '../../catalogue/errors';
import { baseUrlOf } from '../render/base-url';
import { rawQueryOf } from '../render/next-link';
import type { RenderPage } from '../render/templates';
import type { QueryPairs } from '../view-models/urls';

/** What the page routers share: the catalogue (the very services the API calls), the configuration, the renderer. */
export interface PagesContext {
  catalogue: Catalogue;
  config: Config;
  render: RenderPage;
}

export const baseUrl = (ctx: PagesContext, req: Request) => baseUrlOf(req, ctx.config);

/** The request's query string as ordered pairs (repeated names kept). */
export function queryPairs(req: Request): QueryPairs {
  return [...new URLSearchParams(rawQueryOf(req.originalUrl)).entries()];
}

export function routeParam(req: Request, name: string): string {
  const value = (req.params as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}

/** A not-found from the catalogue, as null: for what a page can do without (the communes layer). */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isCatalogueError(error) && error.code === 'not-found') return null;
    throw error;
  }
}
