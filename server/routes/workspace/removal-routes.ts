import { Router } from 'express';
import { workspaceLinks } from '../../view-models/workspace/links';
import { actor, field, flash, param, sendPage, type WorkspaceContext } from './context';

/**
 * Unpublishing and deleting, each behind a confirmation page. Deleting asks to type the dataset's
 * identifier: it removes every version, table and original file, with no way back.
 */
export function removalRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  const { stewards } = ctx.catalogue;

  const page = (slug: string, title: string, kind: 'unpublish' | 'delete', extra: Record<string, unknown> = {}) => ({
    title,
    breadcrumbs: [{ label: 'Mon espace', href: '/espace' }, { label: slug, href: workspaceLinks.dataset(slug) }],
    slug,
    unpublish: kind === 'unpublish',
    action: kind === 'unpublish' ? workspaceLinks.unpublish(slug) : workspaceLinks.delete(slug),
    back: workspaceLinks.dataset(slug),
    ...extra,
  });

  router.get('/espace/jeux/:slug/depublier', async (req, res) => {
    const slug = param(req, 'slug');
    const editable = await stewards.editable(actor(ctx, req), slug);
    sendPage(ctx, req, res, 'espace-confirmer', page(slug, 'Dépublier le jeu de données', 'unpublish', { datasetTitle: editable.metadata.title }));
  });

  router.post('/espace/jeux/:slug/depublier', async (req, res) => {
    const slug = param(req, 'slug');
    const { withdrawn } = await stewards.unpublish(actor(ctx, req), slug);
    flash(req, withdrawn === null ? 'Aucune version n’était en ligne.' : `La version ${withdrawn} n’est plus en ligne.`);
    res.redirect(303, workspaceLinks.dataset(slug));
  });

  router.get('/espace/jeux/:slug/supprimer', async (req, res) => {
    const slug = param(req, 'slug');
    const editable = await stewards.editable(actor(ctx, req), slug);
    sendPage(ctx, req, res, 'espace-confirmer', page(slug, 'Supprimer le jeu de données', 'delete', { datasetTitle: editable.metadata.title }));
  });

  router.post('/espace/jeux/:slug/supprimer', async (req, res) => {
    const slug = param(req, 'slug');
    if (field(req.body, 'confirmation').trim() !== slug) {
      const editable = await stewards.editable(actor(ctx, req), slug);
      return sendPage(ctx, req, res, 'espace-confirmer', page(slug, 'Supprimer le jeu de données', 'delete', {
        datasetTitle: editable.metadata.title,
        error: { id: 'confirmation-erreur', message: `Tapez exactement « ${slug} » pour confirmer la suppression.` },
        errorSummary: [{ message: `Tapez exactement « ${slug} » pour confirmer la suppression.`, href: '#confirmation' }],
      }), 422);
    }
    await stewards.delete(actor(ctx, req), slug);
    flash(req, `Le jeu de données « ${slug} » a été supprimé.`);
    res.redirect(303, workspaceLinks.home());
  });

  return router;
}
