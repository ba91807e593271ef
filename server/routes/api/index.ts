import type { Router } from 'express';
import { mountRoutes } from '../../openapi/mount-routes';
import type { ApiRoute } from '../../openapi/route-spec';
import { catalogueRoutes } from './catalogue-routes';
import type { ApiContext } from './context';
import { exportRoutes } from './export-routes';
import { operationsRoutes } from './operations-routes';
import { recordsRoutes } from './records-routes';
import { versionsRoutes } from './versions-routes';

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
    operationsRoutes(ctx, () => routes),
  ];
  for (const area of areas) routes.push(...area);
  return { routes, routers: areas.map(mountRoutes) };
}

export type { ApiContext } from './context';
