import express from 'express';
import type { Catalogue } from '../catalogue';
import type { Config } from '../catalogue/config';
import { errorHandler, notFound } from './middleware/errors';
import { createRenderer } from './render/templates';
import { pagesRouter } from './routes/pages';

/** Builds the express app around an open catalogue. It does not listen (main.ts does), so tests use supertest on it. */
export function createApp({ catalogue, config }: { catalogue: Catalogue; config: Config }): express.Express {
  void config;
  const render = createRenderer();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/healthz', async (_req, res) => {
    const store = await catalogue.health();
    res.status(store.ok ? 200 : 503).json({ status: store.ok ? 'ok' : 'error', store });
  });
  app.use(pagesRouter(catalogue, render));
  app.use(notFound());
  app.use(errorHandler(render));
  return app;
}
