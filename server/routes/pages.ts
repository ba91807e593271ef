import { Router } from 'express';
import type { Catalogue } from '../../catalogue';
import type { RenderPage } from '../render/templates';
import { toHomePage } from '../view-models/home-page';

/** Citizen pages. A plain list of the datasets for now; the real pages come with the web issue. */
export function pagesRouter(catalogue: Catalogue, render: RenderPage): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const datasets = await catalogue.listDatasets();
    res.type('html').send(render('home', toHomePage(datasets)));
  });
  return router;
}
