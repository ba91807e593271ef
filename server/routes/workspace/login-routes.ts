import { Router, type Request, type RequestHandler } from 'express';
import { clientIp } from '../../middleware/auth';
import { field, sendPage, type WorkspaceContext } from './context';

/**
 * `/connexion` and `/deconnexion`. A successful login regenerates the session id (no fixation)
 * and goes back where the steward was going (a local path only); a failure says nothing about
 * whether the e-mail exists. Attempts are limited per address and locked per account.
 */
export function safeReturnPath(raw: string): string {
  // Only a path of this site: "//host" or "/\\host" would leave it.
  return /^\/(?![/\\])[^\s]*$/.test(raw) ? raw : '/espace';
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
}

export function loginRouter(ctx: WorkspaceContext, limiter: RequestHandler): Router {
  const router = Router();

  router.get('/connexion', (req, res) => {
    if (req.auth) return res.redirect(303, '/espace');
    const notice = req.query.deconnecte === '1' ? 'Vous êtes déconnecté·e.' : req.query.retour ? 'Connectez-vous pour accéder à cette page.' : null;
    sendPage(ctx, req, res, 'connexion', { title: 'Connexion', breadcrumbs: [], notice, retour: safeReturnPath(String(req.query.retour ?? '/espace')) });
  });

  router.post('/connexion', limiter, ctx.auth().csrf.verify, async (req, res) => {
    const email = field(req.body, 'email');
    const retour = safeReturnPath(field(req.body, 'retour') || '/espace');
    const result = await ctx.catalogue.accounts.login(email, field(req.body, 'password'), clientIp(req));
    if (result.status !== 'ok') {
      const error = result.status === 'locked'
        ? 'Trop d’essais infructueux : ce compte est verrouillé pour un quart d’heure. Réessayez plus tard.'
        : 'Adresse électronique ou mot de passe incorrect.';
      return sendPage(ctx, req, res, 'connexion', { title: 'Connexion', breadcrumbs: [], error, email, retour }, 401);
    }
    await regenerate(req);
    req.session.accountId = result.account.id;
    req.session.loginAt = new Date().toISOString();
    await save(req);
    res.redirect(303, retour);
  });

  router.post('/deconnexion', ctx.auth().csrf.verify, async (req, res) => {
    if (req.auth) await ctx.catalogue.accounts.logout(req.auth.account, clientIp(req));
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie(ctx.auth().https ? '__Host-opendata.sid' : 'opendata.sid', { path: '/' });
    res.redirect(303, '/connexion?deconnecte=1');
  });

  return router;
}

