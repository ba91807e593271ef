import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import proj4 from 'proj4';
import type { RowSchema } from '../../../catalogue/validation/row-schema';

/**
 * A generated dataset of Eure-like subsidies (~2,000 rows): communes with accents, amounts with
 * ties, dates, booleans, WGS84 points, and NULLs in every optional column. The same rows are
 * written as three datasets: latitude/longitude in EPSG:4326 (`subventions`), in Lambert-93
 * (`subventions-l93`, no primary key), and as a WKT geometry with a composite key
 * (`subventions-wkt`). Tests compute what to expect from `rows`, never from the store.
 */
export interface SourceRow {
  /** 1-based position in the file: the store's `_id`. */
  n: number;
  id: string;
  commune: string;
  code_insee: string;
  categorie: string | null;
  objet: string;
  montant: number | null;
  beneficiaires: number;
  date_decision: string | null;
  signe: boolean | null;
  latitude: number | null;
  longitude: number | null;
}

export const COMMUNES: ReadonlyArray<[name: string, insee: string, lat: number, lon: number]> = [
  ['Évreux', '27229', 49.024, 1.151], ['Vernon', '27681', 49.092, 1.485], ['Louviers', '27375', 49.215, 1.166],
  ['Val-de-Reuil', '27701', 49.274, 1.21], ['Les Andelys', '27016', 49.246, 1.412], ['Pont-Audemer', '27467', 49.355, 0.515],
  ['Bernay', '27056', 49.089, 0.598], ['Gisors', '27284', 49.281, 1.776], ["Saint-André-de-l'Eure", '27516', 48.906, 1.275],
  ["Verneuil d'Avre et d'Iton", '27679', 48.739, 0.927], ['Étrépagny', '27226', 49.306, 1.611], ['Conches-en-Ouche', '27165', 48.958, 0.941],
  ['Le Neubourg', '27428', 49.15, 0.911], ['Brionne', '27116', 49.196, 0.717], ['Gaillon', '27275', 49.161, 1.334],
];
export const CATEGORIES = ['Sport', 'Culture', 'Social', 'Environnement', 'Jeunesse'];
/** Words chosen so that French stemming (PostgreSQL) and plain tokens (SQLite) find the same rows. */
const ACTIVITIES = ['Festival de musique', 'Tournoi de football', 'Atelier numérique', 'Concert au théâtre', 'Randonnée patrimoine',
  'Jardin partagé', 'Aide à la bibliothèque', 'Club de lecture', 'Remise 50% adhésion', 'Projet jeunes_talents'];

/** Small deterministic PRNG (mulberry32): the same rows on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateRows(count = 2000, seed = 27): SourceRow[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const [commune, insee, lat, lon] = pick(COMMUNES);
    const located = r() > 0.05;
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 2500) * 86_400_000).toISOString().slice(0, 10);
    return {
      n: i + 1,
      id: `SUB-${String(i + 1).padStart(5, '0')}`,
      commune,
      code_insee: insee,
      categorie: r() < 0.08 ? null : pick(CATEGORIES),
      objet: `${pick(ACTIVITIES)} à ${commune}`,
      // Rounded to 50 € so that sorts meet many ties; some with cents.
      montant: r() < 0.07 ? null : r() < 0.8 ? Math.round(r() * 200) * 50 : Math.round(r() * 1_000_000) / 100,
      beneficiaires: Math.floor(r() * 500),
      date_decision: r() < 0.1 ? null : day,
      signe: r() < 0.1 ? null : r() < 0.6,
      latitude: located ? Math.round((lat + (r() - 0.5) * 0.06) * 1e6) / 1e6 : null,
      longitude: located ? Math.round((lon + (r() - 0.5) * 0.06) * 1e6) / 1e6 : null,
    };
  });
}

const properties = {
  id: { type: 'string', title: 'Identifiant' },
  commune: { type: 'string', title: 'Commune' },
  code_insee: { type: 'string', title: 'Code INSEE' },
  categorie: { type: 'string', title: 'Catégorie' },
  objet: { type: 'string', title: 'Objet' },
  montant: { type: 'number', title: 'Montant (€)' },
  beneficiaires: { type: 'integer', title: 'Bénéficiaires' },
  date_decision: { type: 'string', format: 'date', title: 'Date de décision' },
  signe: { type: 'boolean', title: 'Convention signée' },
};

const cell = (v: unknown) => (v === null || v === undefined ? '' : v === true ? 'oui' : v === false ? 'non' : String(v));
const BASE = ['id', 'commune', 'code_insee', 'categorie', 'objet', 'montant', 'beneficiaires', 'date_decision', 'signe'] as const;

const LAMBERT_93 = '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

export interface Variant {
  slug: string;
  schema: RowSchema;
  header: string[];
  cells(row: SourceRow): unknown[];
}

export const VARIANTS: Variant[] = [
  {
    slug: 'subventions',
    schema: {
      type: 'object', properties: { ...properties, latitude: { type: 'number' }, longitude: { type: 'number' } },
      required: ['id', 'commune'], 'x-primaryKey': ['id'], 'x-geo': { latitude: 'latitude', longitude: 'longitude', crs: 'EPSG:4326' },
    },
    header: [...BASE, 'latitude', 'longitude'],
    cells: (row) => [...BASE.map((k) => row[k]), row.latitude, row.longitude],
  },
  {
    slug: 'subventions-l93',
    schema: {
      type: 'object', properties: { ...properties, x_l93: { type: 'number' }, y_l93: { type: 'number' } },
      required: ['id'], 'x-geo': { latitude: 'y_l93', longitude: 'x_l93', crs: 'EPSG:2154' },
    },
    header: [...BASE, 'x_l93', 'y_l93'],
    cells: (row) => {
      if (row.latitude === null || row.longitude === null) return [...BASE.map((k) => row[k]), null, null];
      const [x, y] = proj4('WGS84', LAMBERT_93, [row.longitude, row.latitude]);
      return [...BASE.map((k) => row[k]), x.toFixed(3), y.toFixed(3)];
    },
  },
  {
    slug: 'subventions-wkt',
    schema: {
      type: 'object', properties: { ...properties, geom: { type: 'string' } },
      required: ['id'], 'x-primaryKey': ['code_insee', 'id'], 'x-geo': { geometry: 'geom' },
    },
    header: [...BASE, 'geom'],
    cells: (row) => [...BASE.map((k) => row[k]), row.latitude === null ? null : `POINT (${row.longitude} ${row.latitude})`],
  },
];

function csv(variant: Variant, rows: readonly SourceRow[]): string {
  const quote = (text: string) => (/[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [variant.header.join(';'), ...rows.map((row) => variant.cells(row).map((v) => quote(cell(v))).join(';'))].join('\n') + '\n';
}

/** Dataset folders (dataset.json, schema.json, data.csv) for `loadDatasets`, in a new temporary folder. */
export function writeDatasetFolders(rows: readonly SourceRow[], variants: readonly Variant[] = VARIANTS): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-query-'));
  for (const variant of variants) {
    const dir = path.join(root, variant.slug);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify({
      title: `Subventions (${variant.slug})`, description: 'Jeu généré pour les tests du moteur de requêtes.',
      organization: 'departement-eure', licence: 'etalab-2.0', schema: 'schema.json', data: 'data.csv',
    }));
    fs.writeFileSync(path.join(dir, 'schema.json'), JSON.stringify(variant.schema));
    fs.writeFileSync(path.join(dir, 'data.csv'), csv(variant, rows));
  }
  return root;
}

/** A data file for a new version of `variant`. */
export function writeDataFile(dir: string, variant: Variant, rows: readonly SourceRow[]): string {
  const file = path.join(dir, `${variant.slug}-${Date.now()}.csv`);
  fs.writeFileSync(file, csv(variant, rows));
  return file;
}
