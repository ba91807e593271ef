/**
 * The benchmark's data: a deterministic (seeded) file of Eure-like records and its row schema.
 * Files are streamed to disk under `.bench/` (gitignored) and reused when already there; the
 * generator's version is in the file name, so changing it makes new files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RowSchema } from '../catalogue/validation/row-schema';

export const GENERATOR_VERSION = 'v1';
/** The project root (where package.json is), from the sources (bench/) or the build (dist/bench/). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const BENCH_DIR = path.join(projectRoot(), '.bench');

export const CATEGORIES = ['défibrillateur', 'école', 'mairie', 'bibliothèque', 'gymnase', 'salle des fêtes', 'piscine', 'église'];

/** Ten columns: integer key, INSEE code (pattern), enum, decimal, bounded integer, date, latitude, longitude, free text, boolean. */
export const BENCH_SCHEMA: RowSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    code_insee: { type: 'string', pattern: '^(?:[0-9]{5}|2[AB][0-9]{3})$' },
    categorie: { type: 'string', enum: CATEGORIES },
    montant: { type: 'number', minimum: 0, maximum: 1000000 },
    population: { type: 'integer', minimum: 0, maximum: 200000 },
    date_maj: { type: 'string', format: 'date' },
    latitude: { type: 'number', minimum: 48.6, maximum: 49.5 },
    longitude: { type: 'number', minimum: 0.2, maximum: 1.9 },
    libelle: { type: 'string', maxLength: 200 },
    actif: { type: 'boolean' },
  },
  required: ['id', 'code_insee', 'categorie', 'date_maj', 'latitude', 'longitude'],
  'x-primaryKey': ['id'],
};

export const COLUMN_NAMES = Object.keys(BENCH_SCHEMA.properties);

const COMMUNES = [
  'Évreux', 'Vernon', 'Louviers', 'Val-de-Reuil', 'Les Andelys', 'Gisors', 'Bernay', 'Pont-Audemer', 'Verneuil d\'Avre et d\'Iton',
  'Gaillon', 'Saint-Marcel', 'Pacy-sur-Eure', 'Brionne', 'Le Neubourg', 'Conches-en-Ouche', 'Breteuil', 'Lyons-la-Forêt',
];
const WORDS = ['accès', 'parking', 'rez-de-chaussée', 'hall', 'entrée "principale"', 'côté rue', 'près de l\'accueil', 'horaires variables', 'fermé le lundi', 'sur rendez-vous'];

/** mulberry32: tiny, fast, good enough for test data; same seed, same file. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One record as typed values (what the pipeline should produce) — booleans as booleans. */
export type TypedRecord = [number, string, string, number, number, string, number, number, string | null, boolean];

export class RecordGenerator {
  private readonly random: () => number;

  constructor(seed = 27) {
    this.random = createRandom(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  next(id: number): TypedRecord {
    const r = this.random;
    const corsica = r() < 0.01;
    const code = corsica ? `2${r() < 0.5 ? 'A' : 'B'}${String(1 + Math.floor(r() * 366)).padStart(3, '0')}` : String(27001 + Math.floor(r() * 700));
    const montant = Math.round(r() * 100_000_000) / 100;
    const population = Math.floor(r() * r() * 60_000);
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const latitude = Math.round((48.67 + r() * 0.8) * 1e6) / 1e6;
    const longitude = Math.round((0.3 + r() * 1.5) * 1e6) / 1e6;
    const roll = r();
    const libelle = roll < 0.05 ? null
      : roll < 0.6 ? `${this.pick(CATEGORIES)} de ${this.pick(COMMUNES)}`
        : `${this.pick(CATEGORIES)} ${this.pick(COMMUNES)}, ${this.pick(WORDS)}, ${this.pick(WORDS)}`;
    return [id, code, this.pick(CATEGORIES), montant, population, day, latitude, longitude, libelle, r() < 0.8];
  }
}

function csvCell(value: unknown): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(record: TypedRecord): string {
  let line = '';
  for (let i = 0; i < record.length; i++) line += (i ? ',' : '') + csvCell(record[i]);
  return line + '\n';
}

export function benchFilePath(rows: number): string {
  return path.join(BENCH_DIR, `eure-${GENERATOR_VERSION}-${rows}.csv`);
}

export function benchSchemaPath(): string {
  return path.join(BENCH_DIR, `eure-${GENERATOR_VERSION}-schema.json`);
}

/** Writes the file unless it exists (written under a temporary name, renamed when complete). */
export async function ensureBenchFile(rows: number, log: (line: string) => void = () => undefined): Promise<string> {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const schemaFile = benchSchemaPath();
  if (!fs.existsSync(schemaFile)) fs.writeFileSync(schemaFile, JSON.stringify(BENCH_SCHEMA, null, 2));
  const file = benchFilePath(rows);
  if (fs.existsSync(file)) return file;
  const started = Date.now();
  const partial = `${file}.partial-${process.pid}`;
  const out = fs.createWriteStream(partial, { highWaterMark: 1 << 20 });
  const generator = new RecordGenerator();
  let chunk = COLUMN_NAMES.join(',') + '\n';
  for (let i = 1; i <= rows; i++) {
    chunk += csvLine(generator.next(i));
    if (chunk.length > 1 << 20 || i === rows) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  fs.renameSync(partial, file);
  log(`generated ${file} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}
