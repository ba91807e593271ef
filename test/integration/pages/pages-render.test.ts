import request from 'supertest';
import { decode, links, pageProblems } from './html-checks';
import { createPagesWorld, type PagesWorld } from './pages-world';

/** Every page type renders as a French, accessible, CSP-clean HTML page (contract section 7). */
let w: PagesWorld;
beforeAll(async () => {
  w = await createPagesWorld();
});
afterAll(() => w.cleanup());

const PAGES = [
  '/',
  '/datasets',
  '/datasets?q=communes',
  '/datasets?theme=Sant%C3%A9&sort=title',
  '/datasets?geo=true&page=1',
  '/datasets/communes-test',
  '/datasets/bornes-test',
  '/datasets/dae-test',
  '/datasets/piscines-test',
  '/datasets/subventions-test',
  '/datasets/brouillon-test',
  '/datasets/communes-eure-contours',
  '/datasets/communes-test/table',
  '/datasets/subventions-test/table?_sort=-montant&_size=10',
  '/datasets/communes-test/table?_group_by=prefecture&_agg=count,sum:population',
  '/datasets/brouillon-test/table',
  '/organizations',
  '/organizations/departement-eure',
  '/api',
  '/accessibilite',
  '/mentions-legales',
  '/donnees-personnelles',
  '/plan-du-site',
];

describe('every page type', () => {
  it.each(PAGES)('%s is a complete French page', async (url) => {
    const res = await request(w.app).get(url).expect(200).expect('Content-Type', /text\/html/);
    expect({ url, problems: pageProblems(res.text) }).toEqual({ url, problems: [] });
  });

  it('a friendly 404 page, in French, with the same layout and a way out', async () => {
    for (const url of ['/nulle-part', '/datasets/nulle-part', '/organizations/nulle-part', '/datasets/nulle-part/table']) {
      const res = await request(w.app).get(url).expect(404).expect('Content-Type', /text\/html/);
      expect({ url, problems: pageProblems(res.text) }).toEqual({ url, problems: [] });
      expect(res.text).toMatch(/Page introuvable/);
      expect(res.text).toMatch(/action="\/datasets"/);
      expect(res.text).toMatch(/href="\/plan-du-site"/);
    }
  });

  it('a 500 page that shows no internals and keeps the layout', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...w.catalogue, datasets: { ...w.catalogue.datasets, search: () => Promise.reject(new Error('SQLITE_CORRUPT at /srv/x.ts:12')) } };
    const res = await request(w.appWith({}, broken)).get('/').expect(500);
    spy.mockRestore();
    expect(pageProblems(res.text)).toEqual([]);
    expect(res.text).toMatch(/Erreur interne/);
    expect(res.text).not.toMatch(/SQLITE|\.ts:|\/srv/);
  });
});

describe('what the pages show', () => {
  it('the home page: search box, themes, latest datasets, producers and figures', async () => {
    const { text } = await request(w.app).get('/').expect(200);
    expect(text).toMatch(/<form[^>]*role="search"[^>]*action="\/datasets"/);
    const hrefs = links(text);
    expect(hrefs.some((h) => h.startsWith('/datasets?theme='))).toBe(true);
    expect(hrefs).toContain('/datasets/communes-test');
    expect(hrefs).toContain('/organizations/departement-eure');
    expect(text).toMatch(/class="figure__value">\d+<\/span> <span class="figure__label">jeux de données/);
  });

  it('search results with facets that combine, a sort form and the API address', async () => {
    const { text } = await request(w.app).get('/datasets?organization=departement-eure').expect(200);
    expect(text).toMatch(/Communes de test/);
    expect(text).not.toMatch(/Piscines publiques/);
    // A theme link keeps the organisation filter; the active organisation links back to the unfiltered search.
    expect(links(text).some((h) => h.startsWith('/datasets?organization=departement-eure&theme='))).toBe(true);
    expect(text).toMatch(/class="chip" href="\/datasets"/);
    expect(text).toMatch(/<select id="tri" name="sort">/);
    expect(links(text)).toContain('/api/v1/datasets?organization=departement-eure');
  });

  it('search ignores parameters the API does not know, and a bad value is a 400 page', async () => {
    await request(w.app).get('/datasets?utm_source=lettre').expect(200);
    const res = await request(w.app).get('/datasets?sort=hasard').expect(400);
    expect(res.text).toMatch(/sort/);
    expect(pageProblems(res.text)).toEqual([]);
  });

  it('the dataset page: metadata, licence link, validation, preview, fields with profiles, downloads, API examples, history', async () => {
    const { text } = await request(w.app).get('/datasets/communes-test').set('Host', 'donnees.example').expect(200);
    expect(text).toMatch(/<h1>Communes de test<\/h1>/);
    expect(text).toMatch(/href="https:\/\/www\.etalab\.gouv\.fr\/licence-ouverte-open-licence\/"/);
    expect(text).toMatch(/Conforme au schéma/);
    expect(text).toMatch(/<caption id="legende-apercu">Les 3 premières lignes sur 3<\/caption>/);
    expect(text).toMatch(/<code class="field__name">population<\/code>/);
    expect(text).toMatch(/minimum : 0/);
    expect(text).toMatch(/Valeurs distinctes/);
    expect(links(text)).toContain('/api/v1/datasets/communes-test/exports/csv?_profile=excel-fr');
    expect(text).toMatch(/Télécharger le fichier d’origine/);
    expect(decode(text)).toContain("curl -o communes-test.csv 'http://donnees.example/api/v1/datasets/communes-test/exports/csv?_profile=excel-fr'");
    expect(text).toMatch(/id="historique"/);
    expect(text).toMatch(/<th scope="row">1<\/th>/);
  });

  it('maps: points for coordinates, a choropleth for commune codes, settings in a data attribute', async () => {
    const points = await request(w.app).get('/datasets/dae-test').expect(200);
    expect(points.text).toMatch(/<script src="\/assets\/leaflet\/leaflet\.js" defer><\/script>/);
    const settings = JSON.parse(decode(/data-map="([^"]+)"/.exec(points.text)![1]));
    expect(settings).toMatchObject({ kind: 'points', geojson: '/api/v1/datasets/dae-test/exports/geojson', key: ['id_dae'] });
    expect(points.text).toMatch(/data-map-table/);

    const choropleth = await request(w.app).get('/datasets/communes-test').expect(200);
    const config = JSON.parse(decode(/data-map="([^"]+)"/.exec(choropleth.text)![1]));
    expect(config).toMatchObject({ kind: 'choropleth', commune: 'code_insee', layerCode: 'code_insee', layerName: 'nom', valueKey: 'sum_population' });
    expect(config.layer).toBe('/api/v1/datasets/communes-eure-contours/exports/geojson?_select=code_insee%2Cnom');
    // The measure can be chosen without JavaScript.
    const other = await request(w.app).get('/datasets/communes-test?indicateur=superficie').expect(200);
    expect(other.text).toMatch(/<option value="superficie" selected>/);

    const none = await request(w.app).get('/datasets/subventions-test').expect(200);
    expect(none.text).not.toMatch(/data-map=/);
  });

  it('a choropleth without the communes layer says so and still links to the values table', async () => {
    const app = w.appWith({ site: { ...w.config.site, communesLayer: 'couche-absente' } });
    const { text } = await request(app).get('/datasets/communes-test').expect(200);
    expect(text).toMatch(/couche des contours des communes n’est pas chargée/);
    expect(links(text)).toContain('/datasets/communes-test/table?_group_by=code_insee&_agg=sum%3Apopulation&_size=1000');
  });

  it('organisation pages list their datasets', async () => {
    const { text } = await request(w.app).get('/organizations/departement-eure').expect(200);
    expect(text).toMatch(/href="\/datasets\/communes-test"/);
    expect(text).toMatch(/href="\/api\/v1\/organizations\/departement-eure"/);
  });

  it('the site map lists every dataset and producer', async () => {
    const { text } = await request(w.app).get('/plan-du-site').expect(200);
    for (const slug of ['communes-test', 'bornes-test', 'dae-test', 'piscines-test', 'subventions-test', 'hostile-test']) {
      expect(text).toContain(`href="/datasets/${slug}"`);
    }
  });
});
