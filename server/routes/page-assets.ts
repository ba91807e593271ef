import path from 'node:path';
import express, { Router } from 'express';
import type { SiteSettings } from '../../catalogue/site-settings';
import { publicDir } from './api-docs';

/**
 * What the pages load besides server/public: the operator's colours as a small stylesheet (no
 * inline style: the CSP allows none), the logo, the open font (Atkinson Hyperlegible, SIL OFL)
 * and Leaflet with its clustering plug-in, all from node_modules: no CDN.
 */
function packageDir(name: string, sub: string): string {
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), sub);
}

export function themeCss(site: SiteSettings): string {
  return `:root {\n  --primary: ${site.primaryColor};\n  --accent: ${site.accentColor};\n}\n`;
}

export function pageAssetsRouter(site: SiteSettings): Router {
  const router = Router();
  const options = { index: false, fallthrough: true, maxAge: '1d' } as const;
  const css = themeCss(site);
  router.get('/assets/theme.css', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('text/css').send(css);
  });
  const logo = site.logoFile ? path.resolve(site.logoFile) : path.join(publicDir(), 'img', 'logo.svg');
  router.get('/assets/logo', (_req, res, next) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type(path.extname(logo)).sendFile(logo, (error) => error && next(Object.assign(new Error('logo'), { status: 404 })));
  });
  router.use('/assets/fonts', express.static(packageDir('@fontsource/atkinson-hyperlegible', 'files'), { ...options, immutable: true }));
  router.use('/assets/leaflet', express.static(packageDir('leaflet', 'dist'), options));
  router.use('/assets/markercluster', express.static(packageDir('leaflet.markercluster', 'dist'), options));
  return router;
}
