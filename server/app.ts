import express, { type Request } from 'express';
import type { Catalogue } from '../catalogue';
import type { Config } from '../catalogue/config';
import { apiCors } from './middleware/api-cors';
import { authKitFor } from './middleware/auth-kit';
import { accessDeniedAsForbidden } from './middleware/auth-errors';
import { createLogger, type Logger } from './logging/logger';
import { requestLog } from './logging/request-log';
import { compress } from './middleware/compression';
import { errorHandler, notFound } from './middleware/errors';
import { apiRateLimit } from './middleware/rate-limit';
import { securityHeaders } from './middleware/security-headers';
import { baseUrlOf } from './render/base-url';
import { createRenderer } from './render/templates';
import { apiAreas } from './routes/api';
import { apiDocsRouter, assetsRouter } from './routes/api-docs';
import { pageAssetsRouter } from './routes/page-assets';
import { pagesRouter } from './routes/pages';
import { workspaceRouter } from './routes/workspace';
import { toLayout } from './view-models/layout';

/**
 * Builds the express app around an open catalogue. It does not listen (main.ts does), so tests
 * use supertest on it. Order: security headers and compression, static assets, the API (CORS and
 * rate limiting first, then one router per area), the pages, then 404 and the one error handler.
 */
export function createApp({ catalogue, config, logger = createLogger(config) }: { catalogue: Catalogue; config: Config; logger?: Logger }): express.Express {
  const render = createRenderer({ layout: (model) => toLayout(config.site, model) });
  const app = express();
  app.disable('x-powered-by');
  // ETags are set where they mean something: a dataset version (middleware/version-etag.ts), not a
  // hash of every body (errors included) as express would do.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  // First, so that every answer (assets and errors included) gets its line and its request id.
  app.use(requestLog(logger));
  app.use(securityHeaders(config));
  app.use(compress());
  app.use(assetsRouter());
  app.use(pageAssetsRouter(config.site));

  app.use('/api/v1', apiCors());
  app.use(['/api/3', '/api/action'], apiCors());
  const limiter = apiRateLimit(config.rateLimit);
  // The CKAN-compatible paths share the API's budget: package_search?rows=1000 is its costliest call.
  if (limiter) app.use(['/api/v1', '/api/3', '/api/action'], limiter);
  // Sessions, CSRF and who-is-calling, for the stewards' API routes and the workspace (built at first use).
  const auth = () => authKitFor(catalogue, config);
  const api = apiAreas({ catalogue, config });
  for (const router of api.routers) app.use(router);
  app.use(apiDocsRouter(api.routes, render));

  app.use(workspaceRouter({ catalogue, config, render, auth }));
  app.use(pagesRouter({ catalogue, config, render }));
  app.use(notFound());
  app.use(accessDeniedAsForbidden());
  app.use(errorHandler(render, { baseUrl: (req: Request) => baseUrlOf(req, config) }));
  return app;
}
