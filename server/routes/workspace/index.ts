import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import { loginRateLimit } from '../../middleware/auth-rate-limit';
import { sweepOldUploads } from '../../middleware/upload';
import { accountRouter } from './account-routes';
import { adminRouter } from './admin-routes';
import type { WorkspaceContext } from './context';
import { datasetFormsRouter } from './dataset-form-routes';
import { datasetRouter } from './dataset-routes';
import { homeRouter } from './home-routes';
import { loginRouter } from './login-routes';
import { removalRouter } from './removal-routes';
import { reportRouter } from './report-routes';
import { tokensRouter } from './token-routes';
import { uploadRouter } from './upload-routes';
import { versionRouter } from './version-routes';

/**
 * The stewards' workspace (contract section 7: `/connexion` and `/espace`): server-rendered French
 * pages that work without JavaScript. Every page below /espace requires a session; every form
 * carries a CSRF token; nothing here is cached. Built at the first request, so that creating the
 * app (tests, the OpenAPI document) does not touch the session secret.
 */
export type { WorkspaceContext } from './context';

const ASSETS = path.resolve(__dirname, 'public');
const ASSETS_FROM_DIST = path.resolve(__dirname, '../../../../server/routes/workspace/public');

function buildRouter(ctx: WorkspaceContext, loginLimiter: RequestHandler): Router {
  const auth = ctx.auth();
  sweepOldUploads(path.join(ctx.config.dataDir, 'uploads'));
  const forms = express.urlencoded({ extended: false, limit: '2mb', parameterLimit: 200 });
  const router = Router();
  router.use('/espace/ressources', express.static(fs.existsSync(ASSETS) ? ASSETS : ASSETS_FROM_DIST, { index: false, maxAge: '1h' }));
  router.use(['/connexion', '/deconnexion'], ...auth.pages.identify, forms);
  router.use(loginRouter(ctx, loginLimiter));
  router.use('/espace', ...auth.pages.requireLogin, (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    // Multipart forms are read by their own route (streamed), with the CSRF check after parsing.
    if (req.method === 'POST' && !/^multipart\//i.test(req.headers['content-type'] ?? '')) {
      return forms(req, res, (error?: unknown) => (error ? next(error) : auth.csrf.verify(req, res, next)));
    }
    next();
  });
  for (const area of [homeRouter, datasetFormsRouter, datasetRouter, uploadRouter, reportRouter, versionRouter, removalRouter, tokensRouter, accountRouter, adminRouter]) {
    router.use(area(ctx));
  }
  return router;
}

export function workspaceRouter(ctx: WorkspaceContext): RequestHandler {
  let router: Router | null = null;
  // The limiter keeps its counts from the app's creation (express-rate-limit wants it made then).
  const loginLimiter = loginRateLimit();
  return (req, res, next) => {
    if (!req.path.startsWith('/espace') && req.path !== '/connexion' && req.path !== '/deconnexion') return next();
    router ??= buildRouter(ctx, loginLimiter);
    router(req, res, next);
  };
}
