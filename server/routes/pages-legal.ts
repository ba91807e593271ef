import { Router } from 'express';
import { toLegalPage, toSiteMapPage } from '../view-models/static-pages';
import type { PagesContext } from './pages-context';

/** The legal pages (texts in views/pages, filled with the operator's settings) and the site map. */
const LEGAL: Array<{ path: string; template: string; title: string }> = [
  { path: '/accessibilite', template: 'accessibilite', title: 'Déclaration d’accessibilité' },
  { path: '/mentions-legales', template: 'mentions-legales', title: 'Mentions légales' },
  { path: '/donnees-personnelles', template: 'donnees-personnelles', title: 'Données personnelles et cookies' },
];

export function legalPagesRouter(ctx: PagesContext): Router {
  const router = Router();
  for (const page of LEGAL) {
    const html = ctx.render(page.template, toLegalPage(ctx.config.site, page.title));
    router.get(page.path, (_req, res) => void res.type('html').send(html));
  }
  router.get('/plan-du-site', async (_req, res) => {
    const { datasets } = ctx.catalogue;
    const all = await datasets.searchAll({ sort: 'title' });
    const organizations = (await datasets.organizations()).organizations.filter((o) => o.dataset_count > 0);
    res.type('html').send(ctx.render('plan-du-site', toSiteMapPage(all, organizations)));
  });
  return router;
}
