import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { JAVASCRIPT_URL, payload, visibleForm, XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { PASSWORD } from '../integration/stewards/stewards-world';
import { browserRun, CHROMIUM, launchBrowser, listen, localOnlyContext } from './browser-support';
import { createHostileWorld, HOSTILE_COLUMN, HOSTILE_METADATA, ORGANIZATION, SLUG, type HostileWorld } from './hostile-catalogue';

/* Callbacks given to page.evaluate run in the browser; the project's tsconfig has no DOM library. */
declare const window: any, document: any;

/**
 * Hostile content in real Chromium: every steward-written text of the catalogue is an XSS payload
 * (test/fixtures/xss-payloads.ts) that calls `__xss(n)` if it ever runs. Every page type is
 * visited twice: under the site's own Content-Security-Policy (a violation is reported by the
 * page's `securitypolicyviolation` event), and with the CSP bypassed, so that escaping alone must
 * hold (an injected script would run and call `__xss`). On each page: no call, no dialog, no
 * injected markup left in the DOM (event-handler attributes, `javascript:` links, scripts, broken
 * JSON-LD), and the payloads of the fields the page shows are there as text.
 */
const mode = browserRun();

if (mode === 'fail-no-browser') {
  describe('hostile content in Chromium', () => {
    it('needs Chromium', () => {
      throw new Error(`Chromium est introuvable (${CHROMIUM}) : « apt-get install -y chromium » (.ci/run l’installe).`);
    });
  });
} else {
  (mode === 'run' ? describe : describe.skip)('hostile content in Chromium', hostileContent);
}

type Role = 'public' | 'steward' | 'admin';
interface Visit {
  url: string;
  role: Role;
  /** Texts that must be visible on the page (innerText), or in its form fields with `inFields`. */
  shows?: string[];
  inFields?: string[];
  ready?: (page: Page) => Promise<unknown>;
}

/** Markdown turns these into something else on purpose (a code span, an entity decoded, a dropped link). */
const CHANGED_BY_MARKDOWN = new Set([10, 12, 14, 29]);
const markdownSafe = XSS_PAYLOADS.filter((p) => !CHANGED_BY_MARKDOWN.has(p.id)).map((p) => p.text);
const enc = encodeURIComponent;
const COLUMN = enc(HOSTILE_COLUMN);

const VISITS: Visit[] = [
  { url: '/', role: 'public', shows: [HOSTILE_METADATA.title] },
  { url: '/datasets', role: 'public', shows: [HOSTILE_METADATA.title, ORGANIZATION.title, ...HOSTILE_METADATA.themes] },
  { url: `/datasets?q=${enc(payload(1))}`, role: 'public', inFields: [payload(1)] },
  { url: `/datasets?q=${enc('piégé')}&keyword=${enc(payload(3))}`, role: 'public', shows: [HOSTILE_METADATA.title, payload(3)] },
  {
    url: `/datasets/${SLUG}`, role: 'public',
    shows: [HOSTILE_METADATA.title, ...markdownSafe, ...HOSTILE_METADATA.keywords, ...HOSTILE_METADATA.themes, HOSTILE_METADATA.contact.name,
      HOSTILE_METADATA.spatial.label, ORGANIZATION.title, HOSTILE_COLUMN, payload(3), payload(1), payload(8), payload(7)],
    ready: (p) => p.waitForFunction(() => document.querySelectorAll('[data-map-table] tbody tr').length === 2),
  },
  { url: `/datasets/${SLUG}/table`, role: 'public', shows: [HOSTILE_COLUMN, ...XSS_PAYLOADS.slice(1, 20).map((p) => p.text)] },
  {
    url: `/datasets/${SLUG}/table?${COLUMN}__contains=${enc(payload(3))}&_sort=-${COLUMN}&_q=${enc(payload(5))}`, role: 'public',
    inFields: [payload(3), payload(5)],
  },
  { url: `/datasets/${SLUG}/table?texte=${enc(payload(4))}&_sort=${enc(payload(2))}`, role: 'public', shows: [payload(2)] },
  { url: `/datasets/${SLUG}/table?_where=${enc(`texte = '${payload(1)}' OR ${payload(2)}`)}`, role: 'public' },
  { url: `/datasets/${SLUG}/table?_group_by=${COLUMN}&_agg=count&_size=50`, role: 'public', shows: [HOSTILE_COLUMN, payload(6), payload(21)] },
  { url: '/organizations', role: 'public', shows: [ORGANIZATION.title] },
  { url: `/organizations/${ORGANIZATION.slug}`, role: 'public', shows: [ORGANIZATION.title, HOSTILE_METADATA.title, ...markdownSafe] },
  { url: '/api', role: 'public' },
  { url: '/accessibilite', role: 'public' },
  { url: '/mentions-legales', role: 'public' },
  { url: '/donnees-personnelles', role: 'public' },
  { url: '/plan-du-site', role: 'public', shows: [HOSTILE_METADATA.title] },
  { url: `/${enc(payload(1))}`, role: 'public' },
  { url: `/datasets/${enc(payload(3))}`, role: 'public' },
  { url: `/connexion?retour=${enc(payload(5))}`, role: 'public' },
  { url: `/connexion?retour=${enc(`/espace${payload(3)}`)}`, role: 'public' },
  { url: '/espace', role: 'steward', shows: [HOSTILE_METADATA.title] },
  { url: `/espace/jeux/${enc(payload(3))}`, role: 'steward', shows: [payload(3)] },
  { url: `/espace/jeux/${SLUG}`, role: 'steward', shows: [HOSTILE_METADATA.title, `${payload(4)}.csv`] },
  { url: `/espace/jeux/${SLUG}/metadonnees`, role: 'steward', inFields: [HOSTILE_METADATA.title, HOSTILE_METADATA.contact.name, HOSTILE_METADATA.spatial.label] },
  { url: `/espace/jeux/${SLUG}/schema`, role: 'steward' },
  { url: 'REJECTED', role: 'steward', shows: [`${payload(4)}.csv`, payload(1), payload(2)] },
  { url: `/espace/jeux/${SLUG}/versions/1`, role: 'steward', shows: [HOSTILE_METADATA.title] },
  { url: `/espace/jeux/${SLUG}/comparer?de=1&a=2`, role: 'steward', shows: [payload(1), payload(2)] },
  { url: '/espace/jetons', role: 'steward' },
  { url: '/espace/admin/comptes', role: 'admin' },
  { url: '/espace/admin/organisations', role: 'admin', shows: [ORGANIZATION.title] },
  { url: `/espace/admin/organisations/${ORGANIZATION.slug}`, role: 'admin', inFields: [ORGANIZATION.title, ORGANIZATION.url] },
  { url: '/espace/admin/journal', role: 'admin', shows: [ORGANIZATION.title] },
];

interface PageFindings {
  url: string;
  /** Payloads that ran, dialogs that opened, CSP violations, injected markup left in the DOM. */
  ran: number[];
  dialogs: string[];
  violations: string[];
  injected: string[];
  missing: string[];
}

/** What is in the page that the site never writes itself: each is an injection that got through. */
function injectedMarkup(): string[] {
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*')) as any[]) {
    for (const attr of Array.from(el.attributes) as any[]) {
      if (/^on/i.test(attr.name)) found.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
      if (/^(href|src|data|action|formaction|content)$/i.test(attr.name) && /(^|url=)\s*(javascript|vbscript|data:text\/html)/i.test(attr.value.replace(/[\s\u0000-\u001f]/g, ''))) {
        found.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      }
    }
    // Elements the site never writes, each a way to load or run something.
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'object', 'embed', 'base', 'math'].includes(tag) || (tag === 'meta' && el.httpEquiv)) found.push(`<${tag}>`);
  }
  for (const script of Array.from(document.querySelectorAll('script')) as any[]) {
    if (script.type === 'application/ld+json') {
      try {
        JSON.parse(script.textContent);
      } catch {
        found.push('JSON-LD broken');
      }
    } else if (/__xss/.test(script.textContent) || (script.src && new URL(script.src).origin !== window.location.origin)) {
      found.push(`<script>${script.textContent.slice(0, 60)}`);
    }
  }
  return found;
}

function hostileContent(): void {
  let w: HostileWorld;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    w = await createHostileWorld();
    ({ server, base } = await listen(w.app));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    await w?.cleanup();
  });

  async function openContext(bypassCSP: boolean, role: Role, ran: Array<{ id: number; url: string }>): Promise<BrowserContext> {
    const context = await localOnlyContext(browser, { bypassCSP });
    await context.exposeBinding('__xss', ({ page }, id: number) => ran.push({ id, url: page.url() }));
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e: any) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    if (role !== 'public') {
      const page = await context.newPage();
      await page.goto(`${base}/connexion`);
      await page.getByLabel('Adresse électronique').fill(role === 'admin' ? w.admin.email : w.agent.email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL(`${base}/espace`);
      await page.close();
    }
    return context;
  }

  async function visit(context: BrowserContext, v: Visit, ran: Array<{ id: number; url: string }>): Promise<PageFindings> {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    const url = v.url === 'REJECTED' ? w.rejectedReport : v.url;
    await page.goto(base + url, { waitUntil: 'load' });
    if (v.ready) await v.ready(page);
    // The map's popup is built by the page's script from the API's records: open one.
    if (v.ready) {
      await page.locator('.leaflet-marker-icon').first().click();
      await page.waitForSelector('.map-popup');
    }
    const text = visibleForm(await page.evaluate(() => document.body.innerText as string));
    const fields: string[] = await page.evaluate(() => Array.from(document.querySelectorAll('input, textarea')).map((e: any) => e.value as string));
    const findings: PageFindings = {
      url,
      ran: ran.filter((r) => r.url === page.url()).map((r) => r.id),
      dialogs,
      violations: await page.evaluate(() => window.__violations as string[]),
      injected: await page.evaluate(injectedMarkup),
      missing: [
        ...(v.shows ?? []).filter((s) => !text.includes(visibleForm(s))),
        ...(v.inFields ?? []).filter((s) => !fields.some((f) => f.includes(s))).map((s) => `champ : ${s}`),
      ],
    };
    await page.close();
    return findings;
  }

  it.each([
    { csp: 'the site’s CSP', bypassCSP: false },
    { csp: 'the CSP bypassed (escaping alone)', bypassCSP: true },
  ])('no payload runs on any page type, each shows as text: $csp', async ({ bypassCSP }) => {
    const findings: PageFindings[] = [];
    for (const role of ['public', 'steward', 'admin'] as Role[]) {
      const ran: Array<{ id: number; url: string }> = [];
      const context = await openContext(bypassCSP, role, ran);
      // A few pages at a time: the browser waits on the server more than it works.
      const visits = VISITS.filter((x) => x.role === role);
      for (let i = 0; i < visits.length; i += 4) findings.push(...(await Promise.all(visits.slice(i, i + 4).map((v) => visit(context, v, ran)))));
      await context.close();
      // A payload that ran after its page was left still counts.
      expect(ran).toEqual([]);
    }
    const clean = (f: PageFindings) => ({ url: f.url, ran: [], dialogs: [], violations: [], injected: [], missing: [] });
    expect(findings).toEqual(findings.map(clean));
    expect(findings).toHaveLength(VISITS.length);
  });

  it('catches a payload that gets through: a canary page served with the site’s own CSP', async () => {
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy')!;
    const body = `<!doctype html><html lang="fr"><head><title>Canari</title></head><body><p>${payload(1)}</p><a href="${JAVASCRIPT_URL}">lien</a></body></html>`;
    const outcomes: Record<string, PageFindings> = {};
    for (const bypassCSP of [false, true]) {
      const ran: Array<{ id: number; url: string }> = [];
      const context = await openContext(bypassCSP, 'public', ran);
      await context.route('**/canari', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': csp }, body }));
      outcomes[bypassCSP ? 'bypassed' : 'enforced'] = await visit(context, { url: '/canari', role: 'public' }, ran);
      await context.close();
    }
    expect(outcomes.enforced).toMatchObject({ ran: [], violations: [expect.stringMatching(/^script-src/)], injected: ['<a href="javascript:__xss(90)">', '<script>__xss(1)'] });
    expect(outcomes.bypassed).toMatchObject({ ran: [1], violations: [], injected: ['<a href="javascript:__xss(90)">', '<script>__xss(1)'] });
  });
}
