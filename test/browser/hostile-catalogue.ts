import { stringify } from 'csv-stringify/sync';
import { ATTRIBUTE_BREAKING_URL, JAVASCRIPT_URL, payload, XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { createStewardsWorld, type StewardsWorld } from '../integration/stewards/stewards-world';

/**
 * A catalogue whose every steward-written text is an XSS payload, built through the public
 * pipeline (organisation saved by an administrator, dataset created and uploaded by a steward):
 * the organisation's name, description and site; the dataset's title, Markdown description,
 * keywords, themes, contact and spatial label; column names, titles and descriptions; cells of a
 * published version, of a second one (so that the diff shows payloads on both sides), and of a
 * rejected upload whose invalid cells are payloads. (API token names are refused
 * unless plain letters and digits, so the tokens' page has none to show.)
 */
export const SLUG = 'jeu-piege';
/** A column whose very name is a payload, as the header of the uploaded file. */
export const HOSTILE_COLUMN = payload(2);

const COLUMN_TITLE = payload(3);
const COLUMN_DESCRIPTION = payload(1);

export const HOSTILE_SCHEMA = {
  type: 'object',
  properties: {
    ident: { type: 'integer', title: 'Identifiant' },
    [HOSTILE_COLUMN]: { type: 'string', title: COLUMN_TITLE, description: COLUMN_DESCRIPTION },
    texte: { type: 'string', title: payload(8), description: payload(7) },
    lien: { type: 'string', title: payload(9) },
    nombre: { type: 'integer', title: payload(11) },
    latitude: { type: 'number', title: 'Latitude' },
    longitude: { type: 'number', title: 'Longitude' },
  },
  required: ['ident'],
  'x-primaryKey': ['ident'],
  'x-geo': { latitude: 'latitude', longitude: 'longitude', crs: 'EPSG:4326' },
};

/** Title, keywords and themes as stored; the dataset page shows each of them as text. */
export const HOSTILE_METADATA = {
  slug: SLUG,
  title: `Jeu piégé ${payload(7)} ${payload(3)}`,
  description: XSS_PAYLOADS.map((p) => p.text).join('\n\n'),
  organization: 'departement-eure',
  licence: 'etalab-2.0',
  keywords: XSS_PAYLOADS.slice(0, 30).map((p) => p.text),
  themes: XSS_PAYLOADS.slice(0, 10).map((p) => p.text),
  contact: { name: payload(8), email: 'contact@eure.test', url: JAVASCRIPT_URL },
  spatial: { label: payload(19), granularity: 'department' },
};

export const ORGANIZATION = { slug: 'departement-eure', title: `Département ${payload(1)}`, description: XSS_PAYLOADS.map((p) => p.text).join('\n\n'), url: ATTRIBUTE_BREAKING_URL };

/** Two rows are placed on the map, far apart, so that each is a single marker with its popup. */
const PLACES: Record<number, [number, number]> = { 1: [49.024, 1.151], 2: [49.092, 1.485] };

function rows(shift: number): string {
  const header = ['ident', HOSTILE_COLUMN, 'texte', 'lien', 'nombre', 'latitude', 'longitude'];
  const body = XSS_PAYLOADS.map((p) => {
    const text = XSS_PAYLOADS[(p.id - 1 + shift) % XSS_PAYLOADS.length].text;
    const [lat, lon] = PLACES[p.id] ?? ['', ''];
    return [p.id, text, text, p.id % 2 ? JAVASCRIPT_URL : ATTRIBUTE_BREAKING_URL, p.id, lat, lon];
  });
  return stringify([header, ...body]);
}

/** The invalid upload: `nombre` holds payloads instead of integers. */
function invalidRows(): string {
  const header = ['ident', HOSTILE_COLUMN, 'texte', 'lien', 'nombre'];
  return stringify([header, ...XSS_PAYLOADS.map((p) => [p.id, p.text, p.text, '', p.text])]);
}

export interface HostileWorld extends StewardsWorld {
  /** The workspace report page of the rejected upload. */
  rejectedReport: string;
}

export async function createHostileWorld(): Promise<HostileWorld> {
  const w = await createStewardsWorld({ datasets: false });
  const admin = w.catalogue.accounts.actorFor(w.admin.account, 'token', null);
  const agent = w.catalogue.accounts.actorFor(w.agent.account, 'token', null);
  await w.catalogue.accounts.saveOrganization(admin, ORGANIZATION);
  await w.catalogue.stewards.create(agent, { metadata: HOSTILE_METADATA, schema: HOSTILE_SCHEMA });
  for (const [i, content] of [rows(0), rows(1)].entries()) {
    const outcome = await w.catalogue.stewards.uploads.upload(agent, SLUG, { path: w.writeFile(`v${i + 1}.csv`, content), name: `v${i + 1}.csv` });
    if (outcome.status !== 'published') throw new Error(`version ${i + 1} not published: ${JSON.stringify(outcome.report.errors.slice(0, 3))}`);
  }
  const rejected = await w.catalogue.stewards.uploads.upload(agent, SLUG, { path: w.writeFile('invalide.csv', invalidRows()), name: `${payload(4)}.csv` });
  if (rejected.status !== 'rejected' || !rejected.uploadId) throw new Error('the invalid upload was not rejected');
  return { ...w, rejectedReport: `/espace/jeux/${SLUG}/rapports/${rejected.uploadId}` };
}
