/**
 * The measurements of `bench/ingest.ts`. Each one runs in its own child process (so that peak RSS
 * is its own) and returns how many rows it handled; the caller times it.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openCatalogue } from '../catalogue';
import { loadConfig } from '../catalogue/config';
import type { IngestOptions, IngestResult } from '../catalogue/ingest/ingest-file';
import { chooseEncoding } from '../catalogue/ingest/encoding';
import { prescanFile } from '../catalogue/ingest/prescan';
import { readCsv } from '../catalogue/ingest/csv-source';
import { createDataset, planVersionColumns, upsertOrganization } from '../catalogue/storage';
import { openSqliteVersionWriter } from '../catalogue/storage/dialects/sqlite-writer';
import { applySqlitePragmas } from '../catalogue/storage/dialects/sqlite-pragmas';
import { compileRowSchema, type CompiledRowSchema } from '../catalogue/validation/compile-row-schema';
import { BENCH_SCHEMA, COLUMN_NAMES, RecordGenerator, type TypedRecord } from './ingest-data';

export interface MeasureContext {
  file: string;
  rows: number;
}

/** What a measurement reports besides time and memory. */
export interface MeasureOutcome {
  rows: number;
  note?: string;
}

type Ingest = (file: string, compiled: CompiledRowSchema, options: IngestOptions) => Promise<IngestResult>;

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `opendata-bench-${prefix}-`));
}

/** (a) csv-parse alone, its documented stream API: arrays, no conversion. */
export async function csvParseStream(ctx: MeasureContext): Promise<MeasureOutcome> {
  let rows = 0;
  const parser = fs.createReadStream(ctx.file, { highWaterMark: 256 * 1024 }).pipe(parse({ relax_column_count: true }));
  parser.on('readable', () => {
    while (parser.read() !== null) rows++;
  });
  await new Promise<void>((resolve, reject) => {
    parser.once('end', resolve);
    parser.once('error', reject);
  });
  return { rows: rows - 1 };
}

/** (a') the product's reading layer (decode, sniff, csv-parse through its on_record hook), nothing else. */
export async function csvSource(ctx: MeasureContext): Promise<MeasureOutcome> {
  const scan = await prescanFile(ctx.file);
  let rows = 0;
  await readCsv(ctx.file, chooseEncoding(scan), { onRecord: () => void rows++, onMalformed: () => undefined, drain: () => null });
  return { rows: rows - 1, note: 'includes its prescan' };
}

/**
 * Typed rows as the pipeline hands them to the writer (or as `prepare` turns them); a pool of
 * 16,384 cycled to make `rows` of them, so that the rows themselves take little memory.
 */
function prebuiltBatches(rows: number, batchSize: number, prepare: (row: TypedRecord) => unknown[] = (row) => row): unknown[][][] {
  const generator = new RecordGenerator(1);
  const pool = Array.from({ length: 16_384 }, (_, i) => prepare(generator.next(i + 1)));
  const batches: unknown[][][] = [];
  for (let start = 0; start < rows; start += batchSize) {
    const batch: unknown[][] = [];
    for (let i = start; i < Math.min(rows, start + batchSize); i++) batch.push(pool[i % pool.length]);
    batches.push(batch);
  }
  return batches;
}

function newSqliteFile(dir: string): string {
  const file = path.join(dir, 'store.sqlite');
  const db = new Database(file);
  applySqlitePragmas(db);
  db.close();
  return file;
}

/** (b) the store's own writer (50-row statements, 5,000-row slices), pre-built rows in batches of 2,000. */
export async function insertWriter(ctx: MeasureContext, timed: (work: () => Promise<number>) => Promise<number>): Promise<MeasureOutcome> {
  const dir = tempDir('insert');
  try {
    const file = newSqliteFile(dir);
    const columns = planVersionColumns(compileRowSchema(BENCH_SCHEMA).columns);
    const batches = prebuiltBatches(ctx.rows, 2000);
    const rows = await timed(async () => {
      const writer = await openSqliteVersionWriter(file, 'rec_bench_1', columns);
      for (const batch of batches) await writer.write(batch);
      const n = writer.rowCount;
      await writer.commit();
      return n;
    });
    return { rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** (b') a plain better-sqlite3 prepared statement, positional, one row a call, one transaction. */
export async function insertPlain(ctx: MeasureContext, timed: (work: () => Promise<number>) => Promise<number>): Promise<MeasureOutcome> {
  const dir = tempDir('plain');
  try {
    const file = newSqliteFile(dir);
    // better-sqlite3 binds no booleans: 0/1, as the store's encoders do.
    const batches = prebuiltBatches(ctx.rows, 2000, (row) => row.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
    const rows = await timed(async () => {
      const db = new Database(file);
      applySqlitePragmas(db);
      db.exec(`CREATE TABLE t (_id INTEGER PRIMARY KEY, ${COLUMN_NAMES.map((c) => `"${c}"`).join(', ')})`);
      const insert = db.prepare(`INSERT INTO t (${COLUMN_NAMES.map((c) => `"${c}"`).join(', ')}) VALUES (${COLUMN_NAMES.map(() => '?').join(', ')})`);
      let n = 0;
      db.exec('BEGIN');
      for (const batch of batches) for (const row of batch) n += insert.run(row).changes;
      db.exec('COMMIT');
      db.close();
      return n;
    });
    return { rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * (c) What one would write first: csv-parse with `columns: true` (objects) → ajv with
 * `coerceTypes` on the object → one prepared INSERT per row with named parameters, in one
 * transaction. No key check, no profile, no checksum, no report.
 */
export async function naive(ctx: MeasureContext, timed: (work: () => Promise<number>) => Promise<number>): Promise<MeasureOutcome> {
  const dir = tempDir('naive');
  let invalid = 0;
  try {
    const file = newSqliteFile(dir);
    const rows = await timed(async () => {
      const ajv = new Ajv2020({ coerceTypes: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(BENCH_SCHEMA);
      const db = new Database(file);
      applySqlitePragmas(db);
      db.exec(`CREATE TABLE t (${COLUMN_NAMES.map((c) => `"${c}"`).join(', ')})`);
      const insert = db.prepare(`INSERT INTO t (${COLUMN_NAMES.map((c) => `"${c}"`).join(', ')}) VALUES (${COLUMN_NAMES.map((c) => `@${c}`).join(', ')})`);
      let n = 0;
      db.exec('BEGIN');
      const parser = fs.createReadStream(ctx.file, { highWaterMark: 256 * 1024 }).pipe(parse({ columns: true }));
      parser.on('readable', () => {
        let record: Record<string, unknown> | null;
        while ((record = parser.read()) !== null) {
          if (!validate(record)) {
            invalid++;
            continue;
          }
          record.actif = record.actif ? 1 : 0;
          insert.run(record);
          n++;
        }
      });
      await new Promise<void>((resolve, reject) => {
        parser.once('end', resolve);
        parser.once('error', reject);
      });
      db.exec('COMMIT');
      db.close();
      return n;
    });
    return { rows, note: invalid ? `${invalid} rows refused by ajv` : undefined };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The validation pipeline without a store: `ingest` with a no-op onRows (profiles on, keys on). */
export async function ingestOnly(ctx: MeasureContext, ingest: Ingest): Promise<MeasureOutcome> {
  let loaded = 0;
  const result = await ingest(ctx.file, compileRowSchema(BENCH_SCHEMA), { onRows: (rows) => void (loaded += rows.length) });
  if (!result.report.valid || loaded !== result.rowCount) throw new Error(`ingest failed: ${JSON.stringify(result.report.errors.slice(0, 3))}`);
  return { rows: result.rowCount };
}

/**
 * (d) The product's publish: a catalogue on a temporary SQLite store, a dataset with the bench
 * schema, `catalogue.publish(...)` timed (prescan and stored copy, validation, key index,
 * profiles, load, indexes, publish transaction).
 */
export async function fullPublish(ctx: MeasureContext, timed: (work: () => Promise<number>) => Promise<number>): Promise<MeasureOutcome> {
  const dir = tempDir('publish');
  const phases: Record<string, number> = {};
  try {
    const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'catalogue.sqlite')}`, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' });
    const catalogue = await openCatalogue(config);
    try {
      const { knex } = catalogue.store;
      const organization = await upsertOrganization(knex, { slug: 'bench', title: 'Banc d’essai' });
      await createDataset(knex, {
        slug: 'bench-eure', organizationId: organization.id, title: 'Banc d’essai', description: 'Données générées',
        licence: 'etalab-2.0', rowSchema: BENCH_SCHEMA,
      });
      let published = 0;
      const rows = await timed(async () => {
        const started = performance.now();
        let first = 0;
        let last = 0;
        const result = await catalogue.publish('bench-eure', ctx.file, {
          onProgress: () => {
            last = performance.now();
            if (!first) {
              first = last;
              phases.rssBefore = process.resourceUsage().maxRSS / 1024;
            }
            phases.rssStream = process.resourceUsage().maxRSS / 1024;
          },
        });
        const done = performance.now();
        Object.assign(phases, { before: (first - started) / 1000, stream: (last - first) / 1000, after: (done - last) / 1000 });
        if (result.status !== 'published') throw new Error(`publish rejected: ${JSON.stringify(result.report.errors.slice(0, 3))}`);
        published = result.report.stats.rows;
        return published;
      });
      const [{ n }] = await knex('versions').where({ status: 'published' }).select('row_count as n');
      if (Number(n) !== published) throw new Error(`row count ${n} ≠ ${published}`);
      const f = (x: number) => x.toFixed(2);
      return {
        rows,
        note: `prescan+setup ${f(phases.before)} s, stream ${f(phases.stream)} s, load end+indexes ${f(phases.after)} s; `
          + `peak RSS by then ${phases.rssBefore.toFixed(0)} / ${phases.rssStream.toFixed(0)} MB`,
      };
    } finally {
      await catalogue.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
