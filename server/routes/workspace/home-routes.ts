import { Router } from 'express';
import { toWorkspaceHome } from '../../view-models/workspace/home-page';
import { actor, sendPage, type WorkspaceContext } from './context';

/** `/espace`: the datasets the steward manages (all of them for an administrator). */
export function homeRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  router.get('/espace', async (req, res) => {
    const who = actor(ctx, req);
    const [datasets, organizations] = await Promise.all([ctx.catalogue.stewards.datasets(who), ctx.catalogue.stewards.organizations(who)]);
    sendPage(ctx, req, res, 'espace', toWorkspaceHome(datasets, organizations.length > 0));
  });
  return router;
}
