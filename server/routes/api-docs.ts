import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
// The package's main module loads the whole browser bundle into Node: only its path helper is needed.
import swaggerUiPath from 'swagger-ui-dist/absolute-path';
import type { ApiRoute } from '../openapi/route-spec';
import type { RenderPage } from '../render/templates';
import { toApiDocsPage } from '../view-models/api-docs-page';

/**
 * The /api page and its local assets: swagger-ui from node_modules under /assets/swagger-ui/ (no
 * CDN) and the platform's own browser files from server/public under /assets/.
 */
const PUBLIC_FROM_SOURCE = path.resolve(__dirname, '../public');
const PUBLIC_FROM_DIST = path.resolve(__dirname, '../../../server/public');

export function publicDir(): string {
  return fs.existsSync(PUBLIC_FROM_SOURCE) ? PUBLIC_FROM_SOURCE : PUBLIC_FROM_DIST;
}

export function assetsRouter(): Router {
  const router = Router();
  const options = { index: false, fallthrough: true, maxAge: '1h' } as const;
  router.use('/assets/swagger-ui', express.static(swaggerUiPath(), options));
  router.use('/assets', express.static(publicDir(), options));
  return router;
}

export function apiDocsRouter(routes: readonly ApiRoute[], render: RenderPage): Router {
  const router = Router();
  const model = toApiDocsPage(routes);
  router.get('/api', (_req, res) => {
    res.type('html').send(render('api-docs', model));
  });
  return router;
}
