import request from 'supertest';
import { pageProblems, tableRows } from './html-checks';
import { createPagesWorld, type PagesWorld } from './pages-world';

/**
 * Metadata and cells come from stewards and files: whatever they hold, pages show it as text.
 * Markdown descriptions are rendered with raw HTML off, unsafe links dropped and headings pushed
 * below the page's own <h1>.
 */
let w: PagesWorld;
beforeAll(async () => {
  w = await createPagesWorld();
});
afterAll(() => w.cleanup());

const HOSTILE = /<script>alert|<img src=x|<[a-z][^>]*\son[a-z]+=|javascript:alert\(1\)"|<b>Organisation|<i>mot|<em>Identifiant/;

describe('hostile metadata and cells', () => {
  it.each([
    '/datasets/hostile-test',
    '/datasets/hostile-test/table',
    '/datasets/hostile-test/table?texte__contains=%3Cscript%3E&_q=%22%3E%3Cimg',
    '/datasets?q=hostile',
    '/',
    '/organizations/organisation-hostile',
    '/organizations',
    '/plan-du-site',
  ])('%s shows them as text', async (url) => {
    const { text } = await request(w.app).get(url).expect((res) => expect([200, 400]).toContain(res.status));
    expect(text).not.toMatch(HOSTILE);
    expect(pageProblems(text)).toEqual([]);
  });

  it('escapes the title, and renders the Markdown description safely', async () => {
    const { text } = await request(w.app).get('/datasets/hostile-test').expect(200);
    expect(text).toContain('<h1>&lt;script&gt;alert(&#x27;titre&#x27;)&lt;/script&gt; Jeu hostile</h1>');
    expect(text).toMatch(/<strong>en gras<\/strong>/);
    expect(text).toContain('&lt;script&gt;alert(');
    // The javascript: link is not a link; the https one is, marked as leaving the site.
    expect(text).not.toMatch(/href="javascript:/i);
    expect(text).toMatch(/<a href="https:\/\/www\.insee\.fr\/" rel="noopener noreferrer">lien sûr<\/a>/);
    // `# Grand titre` in a description is not a second <h1>.
    expect(text).toMatch(/<h3>Grand titre<\/h3>/);
    expect(text.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it('shows cells as text, links only http(s) addresses', async () => {
    const { text } = await request(w.app).get('/datasets/hostile-test/table').expect(200);
    const rows = tableRows(text, /Lignes 1 à 3/);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['1', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'],
      ['2', '<script>alert(2)</script>', 'https://example.org/a?b=1&c=2'],
      ['3', '=HYPERLINK("http://evil")', "'; rm -rf / '"],
    ]);
    expect(text).toMatch(/<a href="https:\/\/example\.org\/a\?b&#x3D;1&amp;c&#x3D;2">/);
    expect(text).not.toMatch(/<a href="javascript/);
  });

  it('keeps curl examples safe to paste: a quote in a filter is percent-encoded', async () => {
    const { text } = await request(w.app).get("/datasets/hostile-test/table?lien=%27%3B%20rm%20-rf%20%2F%20%27").expect(200);
    const curls = [...text.matchAll(/<code>(curl [^<]*)<\/code>/g)].map((m) => m[1].replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&#x3D;/g, '='));
    expect(curls.length).toBeGreaterThan(0);
    for (const curl of curls) {
      const inside = /'([^']*)'$/.exec(curl);
      expect(inside).not.toBeNull();
      expect(curl.split("'").length).toBe(3);
    }
    expect(tableRows(text, /Ligne/)).toHaveLength(1);
  });
});
