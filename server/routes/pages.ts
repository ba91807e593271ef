import { Router } from 'express';
import { cataloguePagesRouter } from './pages-catalogue';
import type { PagesContext } from './pages-context';
import { datasetPagesRouter } from './pages-dataset';
import { interopPagesRouter } from './pages-interop';
import { legalPagesRouter } from './pages-legal';

/**
 * The citizens' pages (contract section 7), server-rendered in French from view-models, over the
 * same catalogue calls as the API ("one data function, many renderers").
 */
export type { PagesContext } from './pages-context';

export function pagesRouter(ctx: PagesContext): Router {
  const router = Router();
  router.use(cataloguePagesRouter(ctx));
  router.use(datasetPagesRouter(ctx));
  router.use(legalPagesRouter(ctx));
  router.use(interopPagesRouter(ctx));
  return router;
}
