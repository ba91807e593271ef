import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../server/app';
import { createTestCatalogue, type TestCatalogue } from '../support/test-catalogue';
import {
  axeViolations, browserRun, CHROMIUM, launchBrowser, listen, localOnlyContext, screenshot, SCREENSHOTS, watchErrors,
} from './browser-support';

/* Callbacks given to page.evaluate run in the browser; the project's tsconfig has no DOM library. */
declare const window: any, document: any, location: any;

/**
 * The pages in real headless Chromium, over the demonstration datasets (datasets/, the communes
 * layer included): each page type loads without a console error and without an axe-core
 * violation (WCAG 2.1 A/AA and RGAA 4 rules), the table explorer works from the keyboard and
 * without JavaScript, and the maps draw their markers and their choropleth. Screenshots of each
 * page type go to test-output/screenshots/. One browser for the whole file.
 */
const DATASETS = path.resolve(__dirname, '../../datasets');
const mode = browserRun();

if (mode === 'fail-no-browser') {
  describe('browser tests', () => {
    it('need Chromium', () => {
      throw new Error(`Chromium est introuvable (${CHROMIUM}) : « apt-get install -y chromium » (.ci/run l’installe).`);
    });
  });
} else {
  (mode === 'run' ? describe : describe.skip)('the pages in Chromium', pagesInChromium);
}

function pagesInChromium(): void {
  let t: TestCatalogue;
  let dataDir: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await createTestCatalogue();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-browser-'));
    const results = await t.catalogue.loadDatasets(DATASETS);
    const failed = results.filter((r) => r.status !== 'published');
    if (failed.length) throw new Error(`demo datasets did not load: ${JSON.stringify(failed)}`);
    ({ server, base } = await listen(createApp({ catalogue: t.catalogue, config: t.catalogue.config })));
    browser = await launchBrowser();
    context = await localOnlyContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.cleanup();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(url: string, ready?: (page: Page) => Promise<unknown>): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(base + url, { waitUntil: 'load' });
    if (ready) await ready(page);
    return { page, errors };
  }

  const PAGES: Array<{ name: string; url: string; ready?: (page: Page) => Promise<unknown> }> = [
    { name: 'accueil', url: '/' },
    { name: 'recherche', url: '/datasets?q=eau' },
    { name: 'recherche-facettes', url: `/datasets?theme=${encodeURIComponent('Santé')}&geo=true` },
    { name: 'jeu-de-donnees', url: '/datasets/subventions-associations' },
    { name: 'carte-points', url: '/datasets/defibrillateurs', ready: (p) => p.waitForSelector('.leaflet-marker-icon') },
    { name: 'carte-geometries', url: '/datasets/points-apport-volontaire', ready: (p) => p.waitForSelector('.leaflet-marker-icon') },
    { name: 'carte-choroplethe', url: '/datasets/population-communes', ready: (p) => p.waitForSelector('.legend:not([hidden])') },
    { name: 'explorateur', url: '/datasets/equipements-sportifs/table?type=Gymnase&_sort=-surface_m2' },
    { name: 'explorateur-groupes', url: '/datasets/qualite-eau/table?_group_by=commune&_agg=count,avg:nitrates_mg_l&_sort=-count' },
    { name: 'producteurs', url: '/organizations' },
    { name: 'producteur', url: '/organizations/departement-eure' },
    { name: 'api', url: '/api' },
    { name: 'accessibilite', url: '/accessibilite' },
    { name: 'mentions-legales', url: '/mentions-legales' },
    { name: 'donnees-personnelles', url: '/donnees-personnelles' },
    { name: 'plan-du-site', url: '/plan-du-site' },
  ];

  it.each(PAGES)('$name ($url): no console error, no axe violation', async ({ name, url, ready }) => {
    const { page, errors } = await open(url, ready);
    const violations = await axeViolations(page);
    await screenshot(page, name);
    await page.close();
    expect({ url, errors, violations }).toEqual({ url, errors: [], violations: [] });
  });

  it('the 404 page: only the page’s own 404 in the console, no axe violation', async () => {
    const { page, errors } = await open('/nulle-part');
    const violations = await axeViolations(page);
    await screenshot(page, 'erreur-404');
    await page.close();
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('the point map draws clustered markers from the API by bounding box, and fills its table', async () => {
    const requests: string[] = [];
    const { page, errors } = await open('/datasets/defibrillateurs', async (p) => p.waitForSelector('.leaflet-marker-icon'));
    page.on('request', (r) => requests.push(r.url()));
    expect(await page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(5);
    expect(await page.locator('.marker-cluster').count()).toBeGreaterThan(0);
    await page.waitForFunction(() => document.querySelectorAll('[data-map-table] tbody tr').length > 0);
    expect(await page.locator('[data-map-status]').textContent()).toMatch(/250 lignes affichées/);
    // Zooming out shows a larger area: it is loaded by its bounding box.
    await Promise.all([
      page.waitForRequest((r) => r.url().includes('_bbox=')),
      page.locator('.leaflet-control-zoom-out').click(),
    ]);
    await page.waitForLoadState('networkidle');
    expect(requests.some((u) => /records\?_bbox=/.test(u))).toBe(true);
    // Clicking a cluster zooms with an animation that re-renders the markers: click until a single
    // marker's popup opens rather than guessing how long the animation takes.
    for (let attempt = 0; attempt < 12 && (await page.locator('.map-popup').count()) === 0; attempt++) {
      const single = page.locator('.leaflet-marker-icon:not(.marker-cluster)');
      const target = (await single.count()) > 0 ? single.first() : page.locator('.marker-cluster').first();
      await target.click({ timeout: 2000 }).catch(() => undefined);
      await page.waitForTimeout(500);
    }
    await page.waitForSelector('.map-popup');
    expect(await page.locator('.map-popup a').getAttribute('href')).toMatch(/^\/datasets\/defibrillateurs\/table\?id_dae=DAE-27-/);
    await page.locator('#carte').screenshot({ path: path.join(SCREENSHOTS, 'carte-points-popup.png') });
    await page.close();
    expect(errors).toEqual([]);
  });

  it('the choropleth draws every commune of the layer, with classes, a legend and a table', async () => {
    const { page, errors } = await open('/datasets/population-communes', (p) => p.waitForSelector('.legend:not([hidden])'));
    expect(await page.locator('path.leaflet-interactive').count()).toBe(596);
    const legend = await page.locator('.legend__classes li').allTextContents();
    expect(legend).toHaveLength(6);
    expect(legend[0]).toMatch(/^1Classe 1 : de \d/);
    expect(legend[5]).toMatch(/Sans valeur \(11 communes\)/);
    expect(await page.locator('[data-map-table] tbody tr').count()).toBe(585);
    const fills = await page.locator('path.leaflet-interactive').evaluateAll((paths) => new Set(paths.map((p) => p.getAttribute('fill'))).size);
    expect(fills).toBe(6);
    // Another measure, without reloading the page.
    await page.evaluate(() => (window.marker = 1));
    await page.selectOption('#indicateur', 'densite_hab_km2');
    await page.locator('[data-map-measure-form] button').click();
    await page.waitForFunction(() => document.querySelector('[data-map-legend-title]')?.textContent?.includes('Densité'));
    expect(await page.evaluate(() => window.marker)).toBe(1);
    expect(page.url()).toMatch(/indicateur=densite_hab_km2/);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('the table explorer works from the keyboard, without reloading the page', async () => {
    const { page, errors } = await open('/datasets/equipements-sportifs/table');
    await page.evaluate(() => (window.marker = 1));
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return { id: el?.id ?? '', tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim().slice(0, 60) };
    });
    // The first Tab reaches the skip link, visible when focused; Enter moves to the content.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Aller au contenu' });
    expect((await page.locator('.skip-links a').first().boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ id: 'contenu' });
    // Tab through the form in order: search, sort, page size, column, condition, value.
    const order: string[] = [];
    for (let i = 0; i < 12 && !order.includes('explorateur-valeur'); i++) {
      await page.keyboard.press('Tab');
      const { id } = await focused();
      if (id.startsWith('explorateur-')) order.push(id);
    }
    expect(order).toEqual(['explorateur-q', 'explorateur-tri', 'explorateur-taille', 'explorateur-colonne', 'explorateur-operateur', 'explorateur-valeur']);
    // Add a filter with the keyboard: column « type », value « Gymnase », Enter.
    await page.focus('#explorateur-colonne');
    await page.keyboard.type('Type');
    expect(await page.locator('#explorateur-colonne').inputValue()).toBe('type');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Gymnase');
    await page.keyboard.press('Enter');
    await page.waitForURL(/type=Gymnase/);
    await page.waitForFunction(() => document.activeElement?.id === 'resultats');
    const types = await page.locator('.data-table--explorer tbody tr').evaluateAll((rows) => [...new Set(rows.map((r) => r.children[2]?.textContent?.trim()))]);
    expect(types).toEqual(['Gymnase']);
    // Sort by a column header link, from the keyboard.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const header = await focused();
    expect(header.tag).toBe('A');
    await page.keyboard.press('Enter');
    await page.waitForURL(/_sort=/);
    await page.waitForSelector('th[aria-sort="ascending"]');
    // The next page, then back with the browser's history.
    await page.locator('a[rel="next"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/_offset=20/);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('_offset'));
    await page.waitForSelector('th[aria-sort="ascending"]');
    expect(await page.evaluate(() => window.marker)).toBe(1);
    await screenshot(page, 'explorateur-clavier');
    await page.close();
    expect(errors).toEqual([]);
  });

  it('without JavaScript: the explorer form round-trips its filters, maps point to the table', async () => {
    const noJs = await localOnlyContext(browser, { javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base}/datasets/equipements-sportifs/table`);
    await page.selectOption('#explorateur-colonne', 'commune');
    await page.selectOption('#explorateur-operateur', 'startswith');
    await page.fill('#explorateur-valeur', 'Vernon');
    await page.selectOption('#explorateur-tri', 'nom');
    await page.locator('.explorer-form button[type="submit"]').click();
    await page.waitForLoadState();
    const url = new URL(page.url());
    expect([...url.searchParams.entries()]).toEqual([['_sort', 'nom'], ['commune__startswith', 'Vernon']]);
    const communes = await page.locator('.data-table--explorer tbody tr').evaluateAll((rows) => [...new Set(rows.map((r) => r.children[6]?.textContent?.trim()))]);
    expect(communes).toEqual(['Vernon']);
    // The filter is kept when the form is sent again with a search.
    await page.fill('#explorateur-q', 'gymnase');
    await page.locator('.explorer-form button[type="submit"]').click();
    await page.waitForLoadState();
    expect(new URL(page.url()).searchParams.get('commune__startswith')).toBe('Vernon');
    expect(new URL(page.url()).searchParams.get('_q')).toBe('gymnase');
    await screenshot(page, 'explorateur-sans-javascript');
    await page.goto(`${base}/datasets/defibrillateurs`);
    expect(await page.locator('[data-map-status]').textContent()).toMatch(/JavaScript/);
    expect(await page.locator('[data-map-status] a').getAttribute('href')).toBe('/datasets/defibrillateurs/table');
    await noJs.close();
  });

  it('the API console loads on demand under the strict CSP', async () => {
    const { page, errors } = await open('/api');
    await page.locator('[data-swagger-start]').click();
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 20_000 });
    await page.close();
    expect(errors).toEqual([]);
  });
}
