import request from 'supertest';
import { decode, links, pageProblems, tableRows } from './html-checks';
import { createPagesWorld, type PagesWorld } from './pages-world';

/**
 * The table explorer without JavaScript: a GET form and links. Its address is the records API's
 * query string, so its rows are the API's rows for the same parameters.
 */
let w: PagesWorld;
beforeAll(async () => {
  w = await createPagesWorld();
});
afterAll(() => w.cleanup());

const TABLE = '/datasets/subventions-test/table';

/** What the browser sends when the form is submitted: every field, empty ones included. */
function formSubmission(fields: Record<string, string>): string {
  const all = { _q: '', _sort: '', _size: '20', _filtre_col: '', _filtre_op: 'exact', _filtre_val: '', _where: '', ...fields };
  return new URLSearchParams(all).toString();
}

function hiddenFields(html: string): Array<[string, string]> {
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [decode(m[1]), decode(m[2])]);
}

describe('the explorer form, without JavaScript', () => {
  it('adds a filter: the form fields become the API parameter, on a clean address (303)', async () => {
    const res = await request(w.app).get(`${TABLE}?${formSubmission({ _filtre_col: 'categorie', _filtre_op: 'in', _filtre_val: 'Sport,Social' })}`).expect(303);
    expect(decodeURIComponent(res.headers.location)).toBe(`${TABLE}?categorie__in=Sport,Social`);
    const page = await request(w.app).get(res.headers.location).expect(200);
    const rows = tableRows(page.text, /sur 3/);
    expect(rows.map((r) => r[0]).sort()).toEqual(['Amicale des joueurs de pétanque', 'Club nautique d\'Évreux', 'Secours de l\'Eure']);
    // The filter rides along in the form, so the next submission keeps it.
    expect(hiddenFields(page.text)).toEqual([['categorie__in', 'Sport,Social']]);
  });

  it('keeps filters across submissions, and the exact operator is the plain `col=v`', async () => {
    const first = await request(w.app).get(`${TABLE}?${formSubmission({ _filtre_col: 'categorie', _filtre_val: 'Culture' })}`).expect(303);
    expect(decodeURIComponent(first.headers.location)).toBe(`${TABLE}?categorie=Culture`);
    const second = await request(w.app).get(`${TABLE}?categorie=Culture&${formSubmission({ _sort: '-montant', _filtre_col: 'montant', _filtre_op: 'gte', _filtre_val: '1000' })}`).expect(303);
    expect(decodeURIComponent(second.headers.location)).toBe(`${TABLE}?categorie=Culture&_sort=-montant&montant__gte=1000`);
    const page = await request(w.app).get(second.headers.location).expect(200);
    expect(tableRows(page.text, /sur 2/).map((r) => r[0])).toEqual(['Théâtre de Vernon', 'Association « Lire à Louviers »']);
  });

  it('shows the same rows as the API for the same query string', async () => {
    for (const q of ['montant__gt=200&_sort=montant', 'categorie=Culture&_sort=-date_vote', '_q=vernon', '_where=montant%20%3C%200%20OR%20categorie%20%3D%20%27Sport%27']) {
      const api = await request(w.app).get(`/api/v1/datasets/subventions-test/records?${q}`).expect(200);
      const page = await request(w.app).get(`${TABLE}?${q}`).expect(200);
      expect({ q, rows: tableRows(page.text, /Lignes/).map((r) => r[0]) }).toEqual({ q, rows: api.body.records.map((r: { beneficiaire: string }) => r.beneficiaire) });
    }
  });

  it('each active filter has a link that removes it, and one removes them all', async () => {
    const { text } = await request(w.app).get(`${TABLE}?categorie=Culture&montant__gte=1000&_sort=montant`).expect(200);
    const hrefs = links(text);
    expect(hrefs).toContain(`${TABLE}?montant__gte=1000&_sort=montant`);
    expect(hrefs).toContain(`${TABLE}?categorie=Culture&_sort=montant`);
    expect(hrefs).toContain(TABLE);
    expect(text).toMatch(/Catégorie égal à « Culture »/);
  });

  it('column headers sort (ascending, descending, off) and say so with aria-sort', async () => {
    const plain = await request(w.app).get(TABLE).expect(200);
    expect(links(plain.text)).toContain(`${TABLE}?_sort=montant`);
    const ascending = await request(w.app).get(`${TABLE}?_sort=montant`).expect(200);
    expect(ascending.text).toMatch(/<th scope="col" aria-sort="ascending"><a class="sort-link" href="[^"]*_sort&#x3D;-montant"/);
    const descending = await request(w.app).get(`${TABLE}?_sort=-montant`).expect(200);
    expect(descending.text).toMatch(/<th scope="col" aria-sort="descending"><a class="sort-link" href="\/datasets\/subventions-test\/table">/);
    expect(tableRows(descending.text, /Lignes/).map((r) => r[2])).toEqual(['12500,5', '8000', '1500', '300,5', '100', '-250,75']);
  });

  it('pages with _offset, previous and next links keeping the query', async () => {
    const first = await request(w.app).get(`${TABLE}?_sort=montant&_size=10`).expect(200);
    expect(first.text).toMatch(/Lignes 1 à 6 sur 6/);
    const small = await request(w.app).get(`${TABLE}?_sort=montant&${new URLSearchParams({ _size: '2' })}`).expect(200);
    expect(small.text).toMatch(/Lignes 1 à 2 sur 6/);
    expect(links(small.text)).toContain(`${TABLE}?_sort=montant&_size=2&_offset=2`);
    const second = await request(w.app).get(`${TABLE}?_sort=montant&_size=2&_offset=2`).expect(200);
    expect(second.text).toMatch(/Lignes 3 à 4 sur 6/);
    expect(links(second.text)).toEqual(expect.arrayContaining([`${TABLE}?_sort=montant&_size=2`, `${TABLE}?_sort=montant&_size=2&_offset=4`]));
  });

  it('follows the API cursor (`_next`) and offers the first page back', async () => {
    const api = await request(w.app).get('/api/v1/datasets/subventions-test/records?_size=2').expect(200);
    const token = new URL(api.body.next).searchParams.get('_next')!;
    const page = await request(w.app).get(`${TABLE}?_size=2&_next=${encodeURIComponent(token)}`).expect(200);
    expect(tableRows(page.text, /Lignes|lignes/)).toHaveLength(2);
    expect(links(page.text)).toContain(`${TABLE}?_size=2`);
  });

  it('a refused query is shown on the page (400) with the API’s message and the form to fix it', async () => {
    const res = await request(w.app).get(`${TABLE}?montant__gt=beaucoup&inconnue=1`).expect(400);
    expect(pageProblems(res.text)).toEqual([]);
    expect(res.text).toMatch(/La requête n’a pas pu être exécutée/);
    expect(decode(res.text)).toMatch(/beaucoup/);
    expect(decode(res.text)).toMatch(/colonne « inconnue » inconnue/);
    expect(res.text).toMatch(/<form class="explorer-form"/);
  });

  it('a filter without a value is not added, and the page says so', async () => {
    const res = await request(w.app).get(`${TABLE}?categorie=Culture&${formSubmission({ _filtre_col: 'montant', _filtre_op: 'gt' })}`).expect(400);
    expect(res.text).toMatch(/Le filtre sur la colonne « montant » n’a pas été ajouté : indiquez une valeur/);
    expect(tableRows(res.text, /sur 3/)).toHaveLength(3);
    expect(pageProblems(res.text)).toEqual([]);
  });

  it('downloads and API examples carry the filters, absolute and without paging parameters', async () => {
    const { text } = await request(w.app).get(`${TABLE}?categorie=Culture&_sort=montant&_size=2&_offset=2`).set('Host', 'donnees.example').expect(200);
    const hrefs = links(text);
    expect(hrefs).toContain('/api/v1/datasets/subventions-test/exports/csv?categorie=Culture&_sort=montant&_profile=excel-fr');
    expect(hrefs).toContain('/api/v1/datasets/subventions-test/exports/json?categorie=Culture&_sort=montant');
    expect(hrefs).toContain('http://donnees.example/api/v1/datasets/subventions-test/records?categorie=Culture&_sort=montant&_size=2');
    const csv = await request(w.app).get('/api/v1/datasets/subventions-test/exports/csv?categorie=Culture&_sort=montant').expect(200);
    expect(csv.text.trim().split('\n')).toHaveLength(4);
  });

  it('groups (`_group_by`, `_agg`) show as a table of groups with readable column names', async () => {
    const { text } = await request(w.app).get(`${TABLE}?_group_by=categorie&_agg=count,sum:montant&_sort=categorie`).expect(200);
    expect(text).toMatch(/<th scope="col">Nombre de lignes<\/th>/);
    expect(text).toMatch(/<th scope="col">Somme : Montant \(€\)<\/th>/);
    expect(tableRows(text, /Groupes/).map((r) => r.slice(0, 2))).toEqual([['Culture', '3'], ['Social', '1'], ['Sport', '2']]);
  });
});
