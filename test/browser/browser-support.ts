import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Express } from 'express';

/* Callbacks given to page.evaluate run in the browser; the project's tsconfig has no DOM library. */
declare const window: any, document: any;

/**
 * Real headless Chromium for the browser tests: Debian's package (`/usr/bin/chromium`, or
 * CHROMIUM_PATH), driven by playwright-core; never a downloaded browser. Every request that is not
 * for 127.0.0.1 is refused, so a page that reaches for a CDN or a tile server fails its test.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'RGAAv4'];

const AXE_SOURCE_FILE = require.resolve('axe-core/axe.min.js');

/**
 * Whether this run takes the browser tests: on SQLite only (TEST_DATABASE_URL unset), since they
 * check HTML, CSS and scripts that do not depend on the store (the supertest suite covers the
 * pages on both stores), and CI runs the suite twice. Without Chromium they are skipped on a
 * developer's machine and fail on CI (CI=true).
 */
export function browserRun(): 'run' | 'skip-store' | 'skip-no-browser' | 'fail-no-browser' {
  if (process.env.TEST_DATABASE_URL) return 'skip-store';
  if (fs.existsSync(CHROMIUM)) return 'run';
  return process.env.CI === 'true' ? 'fail-no-browser' : 'skip-no-browser';
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function localOnlyContext(browser: Browser, options: Pick<BrowserContextOptions, 'javaScriptEnabled' | 'bypassCSP'> = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', ...options });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  return context;
}

export async function listen(app: Express): Promise<{ server: Server; base: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Console errors and uncaught exceptions of a page, from the moment it is opened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  return errors;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core from node_modules, evaluated through the DevTools protocol (the page's CSP forbids inline scripts). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(fs.readFileSync(AXE_SOURCE_FILE, 'utf8'));
  return page.evaluate(async (tags) => {
    const axe = window.axe as { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, AXE_TAGS);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
