import { Router, type Request, type Response } from 'express';
import { requireAdmin } from '../../../catalogue/accounts/permissions';
import type { Role } from '../../../catalogue/accounts/types';
import { HttpProblem } from '../../middleware/http-problem';
import { toAccountForm, toAccountsPage } from '../../view-models/workspace/admin-accounts';
import { toAuditPage } from '../../view-models/workspace/audit-page';
import { toOrganizationsPage } from '../../view-models/workspace/admin-organizations';
import { noErrors, toFormErrors, type FormErrors } from '../../view-models/workspace/form-errors';
import { workspaceLinks } from '../../view-models/workspace/links';
import { actor, field, fieldList, flash, param, sendPage, type WorkspaceContext } from './context';

/**
 * The administrators' pages: organisations, accounts (role, organisations, disabling, a new
 * password, their API tokens) and the audit log. Stewards get a 403.
 */
function accountId(raw: string): number {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new HttpProblem(404, 'not-found', 'Compte introuvable.');
  return Number(raw);
}

export function adminRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  const { accounts, audit } = ctx.catalogue;
  router.use('/espace/admin', (req, _res, next) => {
    try {
      requireAdmin(actor(ctx, req));
      next();
    } catch (error) {
      next(error);
    }
  });

  async function organizationsPage(req: Request, res: Response, values: Record<string, string>, errors: FormErrors, status = 200) {
    sendPage(ctx, req, res, 'espace-admin-organisations', toOrganizationsPage(await accounts.organizations(), values, errors), status);
  }

  router.get('/espace/admin/organisations', (req, res) => organizationsPage(req, res, {}, noErrors()));
  router.get('/espace/admin/organisations/:slug', async (req, res) => {
    const slug = param(req, 'slug');
    const found = (await accounts.organizations()).find((o) => o.slug === slug);
    if (!found) throw new HttpProblem(404, 'not-found', `L’organisation « ${slug} » n’existe pas.`);
    await organizationsPage(req, res, { slug: found.slug, title: found.title, description: found.description ?? '', url: found.url ?? '' }, noErrors());
  });
  router.post('/espace/admin/organisations', async (req, res) => {
    const values = { slug: field(req.body, 'slug'), title: field(req.body, 'title'), description: field(req.body, 'description'), url: field(req.body, 'url') };
    try {
      const saved = await accounts.saveOrganization(actor(ctx, req), values);
      flash(req, `Organisation « ${saved.title} » enregistrée.`);
      res.redirect(303, workspaceLinks.organizations());
    } catch (error) {
      const errors = toFormErrors(error, (path) => (['slug', 'title', 'url', 'description'].includes(path ?? '') ? path! : 'slug'));
      if (!errors) throw error;
      await organizationsPage(req, res, values, errors, 422);
    }
  });

  router.get('/espace/admin/comptes', async (req, res) => {
    sendPage(ctx, req, res, 'espace-admin-comptes', toAccountsPage(await accounts.list(actor(ctx, req))));
  });

  async function accountForm(req: Request, res: Response, id: number | null, values: Record<string, unknown> | null, errors: FormErrors, status = 200) {
    const who = actor(ctx, req);
    const [organizations, account, tokens] = await Promise.all([
      accounts.organizations(),
      id === null ? Promise.resolve(undefined) : accounts.require(id),
      id === null ? Promise.resolve([]) : accounts.tokens.list(who, id),
    ]);
    sendPage(ctx, req, res, 'espace-admin-compte', toAccountForm({ account: account ?? null, organizations, values, errors, tokens }), status);
  }

  router.get('/espace/admin/comptes/nouveau', (req, res) => accountForm(req, res, null, null, noErrors()));
  router.post('/espace/admin/comptes/nouveau', async (req, res) => {
    const values = { email: field(req.body, 'email'), role: field(req.body, 'role'), organizations: fieldList(req.body, 'organizations'), displayName: field(req.body, 'displayName') };
    try {
      const { account } = await accounts.add(actor(ctx, req), {
        email: values.email, role: values.role as Role, organizations: values.organizations,
        password: field(req.body, 'password') || null, displayName: values.displayName || null,
      });
      flash(req, `Compte ${account.email} enregistré.`);
      res.redirect(303, workspaceLinks.accountAdmin(account.id));
    } catch (error) {
      const errors = toFormErrors(error, (path) => (['email', 'role', 'organizations', 'password'].includes(path ?? '') ? path! : 'email'));
      if (!errors) throw error;
      await accountForm(req, res, null, values, errors, 422);
    }
  });

  router.get('/espace/admin/comptes/:id', (req, res) => accountForm(req, res, accountId(param(req, 'id')), null, noErrors()));
  router.post('/espace/admin/comptes/:id', async (req, res) => {
    const id = accountId(param(req, 'id'));
    const who = actor(ctx, req);
    const values = { role: field(req.body, 'role'), organizations: fieldList(req.body, 'organizations'), disabled: field(req.body, 'disabled') === 'oui', displayName: field(req.body, 'displayName') };
    try {
      await accounts.change(who, id, { role: values.role as Role, organizations: values.organizations, disabled: values.disabled, displayName: values.displayName || null });
      const password = field(req.body, 'password');
      if (password) await accounts.setPassword(who, id, password);
      flash(req, 'Compte enregistré.');
      res.redirect(303, workspaceLinks.accountAdmin(id));
    } catch (error) {
      const errors = toFormErrors(error, (path) => (['role', 'organizations', 'password'].includes(path ?? '') ? path! : 'role'));
      if (!errors) throw error;
      await accountForm(req, res, id, values, errors, 422);
    }
  });

  router.get('/espace/admin/journal', async (req, res) => {
    const page = /^\d{1,6}$/.test(String(req.query.page ?? '')) ? Number(req.query.page) : 1;
    const action = typeof req.query.action === 'string' ? req.query.action : '';
    sendPage(ctx, req, res, 'espace-admin-journal', toAuditPage(await audit.list(actor(ctx, req), { page, action }), action));
  });

  return router;
}
