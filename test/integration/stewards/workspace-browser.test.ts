import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserRun, launchBrowser, listen, localOnlyContext, watchErrors } from '../../browser/browser-support';
import { COMMUNES_V2, createStewardsWorld, PASSWORD, type StewardsWorld } from './stewards-world';

/**
 * The workspace in real headless Chromium: log in with the form, upload with the progress script
 * (XMLHttpRequest), land on the report; no console error, no axe-core violation (WCAG 2.1 A/AA,
 * RGAA 4) on the workspace's pages. SQLite runs only, like the other browser tests.
 */
const mode = browserRun();
(mode === 'run' ? describe : describe.skip)('the workspace in Chromium', () => {
  let w: StewardsWorld;
  let server: Server;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    w = await createStewardsWorld();
    ({ server, base } = await listen(w.app));
    browser = await launchBrowser();
    context = await localOnlyContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('response', (r) => {
      if (r.status() === 404) errors.push(`404 ${r.url()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await w?.cleanup();
  });

  async function expectAccessible(url: string): Promise<void> {
    if (url) await page.goto(base + url);
    const violations = await axeViolations(page);
    expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
  }

  it('logs in with the form and lands on the page asked for', async () => {
    await page.goto(`${base}/espace/jeux/communes-eure`);
    expect(page.url()).toMatch(/\/connexion\?retour=/);
    await expectAccessible('');
    await page.getByLabel('Adresse électronique').fill(w.agent.email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${base}/espace/jeux/communes-eure`);
    expect(await page.textContent('h1')).toBe('Communes de l’Eure');
    await expectAccessible('');
  });

  it('uploads with a progress bar, then shows the report of the published version', async () => {
    await page.setInputFiles('#file', { name: 'communes-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(COMMUNES_V2) });
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/espace/jeux/communes-eure/envois'));
    await page.getByRole('button', { name: 'Vérifier et publier' }).click();
    // Sent by the script (so that the progress bar follows it), with the button's choice.
    const request = await sent;
    expect(request.resourceType()).toBe('xhr');
    expect(request.postDataBuffer()?.toString()).toMatch(/name="action"\r\n\r\npublier/);
    await page.waitForURL(/\/espace\/jeux\/communes-eure\/rapports\/\d+$/, { timeout: 20_000 });
    expect(await page.textContent('.espace-verdict')).toContain('Fichier valide : publié comme version 2.');
    await expectAccessible('');
  });

  it('has no accessibility violation on the workspace’s other pages, and no console error anywhere', async () => {
    for (const url of ['/espace', '/espace/jeux/communes-eure', '/espace/jeux/communes-eure/comparer?de=1&a=2', '/espace/jeux/communes-eure/versions/1',
      '/espace/jeux/communes-eure/metadonnees', '/espace/jeux/communes-eure/schema', '/espace/jeux/nouveau', '/espace/jetons', '/espace/compte',
      '/espace/jeux/communes-eure/supprimer']) {
      await expectAccessible(url);
    }
    await page.goto(`${base}/espace/jeux/nouveau`);
    await page.getByRole('button', { name: 'Créer le jeu de données' }).click();
    await page.waitForSelector('#resume-erreurs');
    await expectAccessible('');
    // The form sent with errors answers 422, which Chromium logs: the only expected one.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});
