import { Router, type RequestHandler } from 'express';
import { authKitFor } from '../../middleware/auth-kit';
import { mountRoutes } from '../../openapi/mount-routes';
import type { ApiRoute } from '../../openapi/route-spec';
import { catalogueRoutes } from './catalogue-routes';
import { ckanRoutes } from './ckan-routes';
import type { ApiContext } from './context';
import { exportRoutes } from './export-routes';
import { operationsRoutes } from './operations-routes';
import { recordsRoutes } from './records-routes';
import { versionsRoutes } from './versions-routes';
import { datasetWriteRoutes } from './dataset-write-routes';
import { dcatRoutes } from './dcat-routes';
import { diffRoutes } from './diff-routes';
import { uploadRoutes } from './upload-routes';
import { validateRoutes } from './validate-routes';

/**
 * The API's areas, each declared once (route-spec.ts) and mounted as its own router. The same
 * declarations feed the OpenAPI documents and the /api page.
 */
export interface ApiAreas {
  routes: readonly ApiRoute[];
  routers: Router[];
}

export function apiAreas(ctx: ApiContext): ApiAreas {
  const routes: ApiRoute[] = [];
  const areas = [
    catalogueRoutes(ctx),
    versionsRoutes(ctx),
    recordsRoutes(ctx),
    exportRoutes(ctx),
    datasetWriteRoutes(ctx),
    uploadRoutes(ctx),
    diffRoutes(ctx),
    validateRoutes(ctx),
    ckanRoutes(ctx),
    dcatRoutes(ctx),
    operationsRoutes(ctx, () => routes),
  ];
  for (const area of areas) routes.push(...area);
  const stewardAuth = stewardAuthChain(ctx);
  return { routes, routers: areas.map((area) => mountRoutes(area, stewardAuth)) };
}

/**
 * The stewards' authentication chain, built at the first request that needs it: declaring the
 * routes (for the OpenAPI document) needs no catalogue.
 */
function stewardAuthChain(ctx: ApiContext): RequestHandler[] {
  let chain: Router | null = null;
  return [(req, res, next) => {
    chain ??= Router().use((ctx.auth ?? authKitFor(ctx.catalogue, ctx.config)).apiSteward);
    chain(req, res, next);
  }];
}
