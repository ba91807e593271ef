import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../../catalogue/config';
import { tileSource } from '../../../server/middleware/security-headers';
import { decode } from './html-checks';
import { createPagesWorld, type PagesWorld } from './pages-world';

/** The strict CSP, the assets served from the site itself, and the operator's settings. */
let w: PagesWorld;
beforeAll(async () => {
  w = await createPagesWorld();
});
afterAll(() => w.cleanup());

function directives(header: string): Record<string, string> {
  return Object.fromEntries(header.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values.join(' ')];
  }));
}

describe('Content-Security-Policy', () => {
  it('allows nothing inline and nothing from elsewhere', async () => {
    const res = await request(w.app).get('/datasets/dae-test').expect(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('adds the tile host to img-src, and the map gets the template', async () => {
    const app = w.appWith({ mapTilesUrl: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', site: { ...w.config.site, mapTilesAttribution: '© OpenStreetMap' } });
    const res = await request(app).get('/datasets/dae-test').expect(200);
    expect(directives(res.headers['content-security-policy'])['img-src']).toBe("'self' data: https://*.tile.openstreetmap.org");
    const settings = JSON.parse(decode(/data-map="([^"]+)"/.exec(res.text)![1]));
    expect(settings).toMatchObject({ tiles: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap', background: null });
    expect(tileSource('https://tiles.example.org/{z}/{x}/{y}.png')).toBe('https://tiles.example.org');
    expect(tileSource('javascript:alert(1)')).toBeNull();
    expect(tileSource("https://a.example;script-src 'unsafe-inline'/{z}")).toBeNull();
  });

  it('pages load scripts, styles, images and fonts from the site only', async () => {
    for (const url of ['/', '/datasets/dae-test', '/datasets/communes-test', '/api', '/datasets/communes-test/table']) {
      const { text } = await request(w.app).get(url).expect(200);
      const sources = [...text.matchAll(/<(?:script|img|link)\b[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect({ url, foreign: sources.filter((s) => !s.startsWith('/')) }).toEqual({ url, foreign: [] });
    }
    const assets: Array<[string, RegExp]> = [
      ['/assets/css/site.css', /text\/css/],
      ['/assets/theme.css', /text\/css/],
      ['/assets/js/map.js', /javascript/],
      ['/assets/js/table-explorer.js', /javascript/],
      ['/assets/leaflet/leaflet.js', /javascript/],
      ['/assets/leaflet/leaflet.css', /text\/css/],
      ['/assets/markercluster/leaflet.markercluster.js', /javascript/],
      ['/assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2', /font\/woff2/],
      ['/assets/logo', /image\/svg\+xml/],
    ];
    for (const [asset, type] of assets) {
      const res = await request(w.app).get(asset).expect(200);
      expect({ asset, type: res.headers['content-type'] }).toEqual({ asset, type: expect.stringMatching(type) });
    }
    const css = await request(w.app).get('/assets/css/site.css').expect(200);
    for (const [, url] of css.text.matchAll(/url\(([^)]+)\)/g)) {
      expect(url).toMatch(/^\/assets\/fonts\//);
      await request(w.app).get(url).expect(200);
    }
  });
});

describe('the operator’s settings', () => {
  it('name, colours and logo come from the environment', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-logo-'));
    const logo = path.join(dir, 'logo.png');
    fs.writeFileSync(logo, Buffer.from('89504e470d0a1a0a', 'hex'));
    const site = loadConfig({ SITE_NAME: 'Données de Vernon', SITE_OPERATOR: 'Ville de Vernon', SITE_PRIMARY_COLOR: '#004D40', SITE_LOGO_FILE: logo }).site;
    const app = w.appWith({ site });
    const home = await request(app).get('/').expect(200);
    expect(home.text).toMatch(/<title>Données de Vernon<\/title>/);
    expect(home.text).toMatch(/<h1 id="titre-accueil">Données de Vernon<\/h1>/);
    expect(home.text).toMatch(/Ville de Vernon/);
    expect((await request(app).get('/assets/theme.css').expect(200)).text).toMatch(/--primary: #004d40;/);
    const served = await request(app).get('/assets/logo').expect(200);
    expect(served.headers['content-type']).toMatch(/image\/png/);
    const legal = await request(app).get('/mentions-legales').expect(200);
    expect(legal.text).toMatch(/éditée par Ville de Vernon/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a colour too pale for white text, a bad colour, a bad layer name and bad bounds', () => {
    expect(() => loadConfig({ SITE_PRIMARY_COLOR: '#ffcc00' })).toThrow(/SITE_PRIMARY_COLOR=#ffcc00 : trop claire/);
    expect(() => loadConfig({ SITE_ACCENT_COLOR: 'bleu' })).toThrow(/SITE_ACCENT_COLOR=bleu/);
    expect(() => loadConfig({ COMMUNES_LAYER: '../x' })).toThrow(/COMMUNES_LAYER/);
    expect(() => loadConfig({ MAP_BOUNDS: '1,2,3' })).toThrow(/MAP_BOUNDS/);
    expect(loadConfig({}).site).toMatchObject({ name: 'Données ouvertes de l’Eure', communesLayer: 'communes-eure-contours', mapBounds: [0.29, 48.66, 1.81, 49.49] });
  });
});
