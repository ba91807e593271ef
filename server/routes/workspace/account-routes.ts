import { Router, type Request, type Response } from 'express';
import { addFieldError, noErrors, toFormErrors, type FormErrors } from '../../view-models/workspace/form-errors';
import { workspaceLinks } from '../../view-models/workspace/links';
import { actor, field, flash, sendPage, type WorkspaceContext } from './context';

/**
 * `/espace/compte`: the account and its organisations, and changing one's password (the current
 * one is asked; every session of the account ends, this one is opened again).
 */
export function accountRouter(ctx: WorkspaceContext): Router {
  const router = Router();

  function show(req: Request, res: Response, errors: FormErrors, status = 200) {
    const account = req.auth!.account;
    const err = (name: string) => (errors.byField[name]?.length ? { id: `${name}-erreur`, messages: errors.byField[name] } : null);
    sendPage(ctx, req, res, 'espace-compte', {
      title: 'Mon compte',
      email: account.email,
      role: account.role === 'admin' ? 'administrateur (tous les jeux de données)' : 'responsable de données',
      organizations: account.organizations.map((o) => `${o.title} (${o.slug})`),
      action: workspaceLinks.account(),
      errorSummary: errors.summary,
      fields: { current: { value: '', error: err('current') }, password: { value: '', error: err('password') }, confirm: { value: '', error: err('confirm') } },
    }, status);
  }

  router.get('/espace/compte', (req, res) => show(req, res, noErrors()));

  router.post('/espace/compte', async (req, res) => {
    const password = field(req.body, 'password');
    if (password !== field(req.body, 'confirm')) {
      return show(req, res, addFieldError(noErrors(), 'confirm', 'Les deux mots de passe ne sont pas identiques.'), 422);
    }
    const who = actor(ctx, req);
    try {
      await ctx.catalogue.accounts.setPassword(who, who.accountId!, password, field(req.body, 'current'));
    } catch (error) {
      const errors = toFormErrors(error, (path) => (path === 'current' ? 'current' : 'password'));
      if (!errors) throw error;
      return show(req, res, errors, 422);
    }
    // Changing the password ended every session of the account: open a fresh one for this browser.
    const accountId = who.accountId!;
    await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
    req.session.accountId = accountId;
    req.session.loginAt = new Date().toISOString();
    flash(req, 'Mot de passe changé. Vos autres sessions ont été fermées.');
    res.redirect(303, workspaceLinks.account());
  });

  return router;
}
