import { Router } from 'express';
import { toWorkspaceDatasetPage } from '../../view-models/workspace/dataset-page';
import { actor, param, sendPage, type WorkspaceContext } from './context';

/** `/espace/jeux/{slug}`: a dataset's state, the upload form, its versions and its uploads. */
export function datasetRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  router.get('/espace/jeux/:slug', async (req, res) => {
    const slug = param(req, 'slug');
    const uploads = await ctx.catalogue.stewards.uploads.list(actor(ctx, req), slug);
    const detail = await ctx.catalogue.datasets.get(slug);
    sendPage(ctx, req, res, 'espace-jeu', {
      ...toWorkspaceDatasetPage({ detail, uploads, maxUploadMb: ctx.config.maxUploadMb }),
      scripts: ['/espace/ressources/televersement.js'],
    });
  });
  return router;
}
