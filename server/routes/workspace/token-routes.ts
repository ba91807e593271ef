import { Router, type Request, type Response } from 'express';
import { toTokensPage } from '../../view-models/workspace/tokens-page';
import { workspaceLinks } from '../../view-models/workspace/links';
import { noErrors, toFormErrors, type FormErrors } from '../../view-models/workspace/form-errors';
import { actor, field, flash, sendPage, type WorkspaceContext } from './context';
import { HttpProblem } from '../../middleware/http-problem';

/**
 * `/espace/jetons`: the steward's API tokens (name, start, creation, last use), creating one (shown
 * once, on the page that answers the form, never stored in clear) and revoking one.
 */
export function tokensRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  const { accounts } = ctx.catalogue;

  async function show(req: Request, res: Response, created: { name: string; token: string } | null, errors: FormErrors, status = 200) {
    const who = actor(ctx, req);
    const tokens = await accounts.tokens.list(who, who.accountId!);
    sendPage(ctx, req, res, 'espace-jetons', toTokensPage(tokens, created, errors), status);
  }

  router.get('/espace/jetons', (req, res) => show(req, res, null, noErrors()));

  router.post('/espace/jetons', async (req, res) => {
    const who = actor(ctx, req);
    try {
      const name = field(req.body, 'name').trim();
      const created = await accounts.tokens.create(who, who.accountId!, name || undefined);
      await show(req, res, { name: created.record.name, token: created.token }, noErrors(), 201);
    } catch (error) {
      const errors = toFormErrors(error, () => 'name');
      if (!errors) throw error;
      await show(req, res, null, errors, 422);
    }
  });

  router.post('/espace/jetons/:id/revoquer', async (req, res) => {
    const raw = String(req.params.id);
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new HttpProblem(404, 'not-found', 'Jeton introuvable.');
    const revoked = await accounts.tokens.revoke(actor(ctx, req), Number(raw));
    flash(req, `Le jeton « ${revoked.name} » est révoqué : il ne permet plus rien.`);
    res.redirect(303, field(req.body, 'retour') === 'admin' ? workspaceLinks.accountAdmin(revoked.accountId) : workspaceLinks.tokens());
  });

  return router;
}
