import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CatalogueError } from './errors';
import type { IngestOptions } from './ingest/ingest-file';
import { INCOMING_PREFIX } from './interrupted-copies';
import { ingestFileParallel } from './ingest/parallel-ingest';
import { prescanFile } from './ingest/prescan';
import type { Report } from './ingest/report-types';
import {
  createIndexesAfterLoad, createLoadingVersion, dropVersionTable, getDatasetBySlug, markRejected, openVersionWriter,
  planVersionColumns, publishVersion, setVersionSourcePath, type Store, type VersionField,
} from './storage';
import { isUniqueViolation } from './storage/dialects/unique-violation';
import { buildSearchAndGeoIndexes } from './storage/search-geo-indexes';
import { compileRowSchema } from './validation/compile-row-schema';

/**
 * Publishing a file as a new version of a dataset (architecture point 6): keep the original,
 * load the rows into a new table while validating, and only if the whole file is valid, make it
 * current in one short transaction. Anything else (an invalid file, an error, a crash, a shutdown
 * through interruptPublishes) leaves the previous version current and untouched; the new table is
 * dropped (or cleaned at start-up). An interrupted version is rejected with SHUTDOWN_NOTE; its
 * original file is kept, like any rejected upload's.
 */
export type PublishResult =
  | { status: 'published'; version: number; report: Report }
  | { status: 'rejected'; report: Report };

export interface PublishOptions {
  author?: string | null;
  /** The name shown in the report and kept with the version (default: the file's base name). */
  sourceName?: string;
  onProgress?: IngestOptions['onProgress'];
  /** Stops the publish: rolled back, the version rejected with `reason` (or SHUTDOWN_NOTE), `shutting-down` thrown. */
  signal?: AbortSignal;
}

/** Why a version was rejected when the server stopped during its publish (graceful shutdown). */
export const SHUTDOWN_NOTE = 'Publication interrompue par l’arrêt du serveur : version rejetée, la version précédente reste en ligne.';

/**
 * The publishes running in this process, per store, so that a shutdown can interrupt them all and
 * wait for their rollback (interruptPublishes) without every caller threading a signal through.
 */
const running = new WeakMap<Store, Set<{ controller: AbortController; settled: Promise<unknown> }>>();
/** Stores being shut down: a publish started now (an upload whose body was still arriving) stops at once. */
const interrupted = new WeakSet<Store>();

/**
 * Aborts every publish running on `store` and resolves once each has rolled back (or finished);
 * publishes started afterwards on that store are interrupted as well (the store is closing).
 */
export async function interruptPublishes(store: Store, reason = SHUTDOWN_NOTE): Promise<number> {
  interrupted.add(store);
  const publishes = [...(running.get(store) ?? [])];
  for (const p of publishes) p.controller.abort(reason);
  await Promise.allSettled(publishes.map((p) => p.settled));
  return publishes.length;
}

export function publishFile(store: Store, dataDir: string, slug: string, filePath: string, options: PublishOptions = {}): Promise<PublishResult> {
  const controller = new AbortController();
  const forward = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  if (interrupted.has(store)) controller.abort(SHUTDOWN_NOTE);
  options.signal?.addEventListener('abort', forward, { once: true });
  const entries = running.get(store) ?? new Set();
  running.set(store, entries);
  const settled = publishUnder(controller.signal, store, dataDir, slug, filePath, options);
  const entry = { controller, settled };
  entries.add(entry);
  const forget = () => {
    entries.delete(entry);
    options.signal?.removeEventListener('abort', forward);
  };
  settled.then(forget, forget);
  return settled;
}

/** Thrown where an aborted publish stops; the caller sees why (503: the service is stopping, retry). */
function interruption(signal: AbortSignal): CatalogueError {
  return new CatalogueError('shutting-down', `${interruptionNote(signal)} Renvoyez le fichier une fois le service redémarré.`);
}

async function publishUnder(
  signal: AbortSignal, store: Store, dataDir: string, slug: string, filePath: string, options: PublishOptions,
): Promise<PublishResult> {
  const { knex } = store;
  const stopIfAborted = () => {
    if (signal.aborted) throw interruption(signal);
  };
  const dataset = await getDatasetBySlug(knex, slug);
  if (!dataset) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'existe pas.`);
  stopIfAborted();
  const compiled = compileRowSchema(dataset.rowSchema);
  const sourceName = options.sourceName ?? path.basename(filePath);

  // Keep the original bytes (hashing them on the way) before anything else.
  const folder = path.join(dataDir, 'sources', slug);
  fs.mkdirSync(folder, { recursive: true });
  const incoming = path.join(folder, `${INCOMING_PREFIX}${randomUUID()}`);
  const scan = await prescanFile(filePath, incoming);
  if (signal.aborted) {
    fs.rmSync(incoming, { force: true });
    throw interruption(signal);
  }

  let version;
  try {
    version = await createLoadingVersion(knex, {
      datasetId: dataset.id, sourceName, bytes: scan.bytes, sha256: scan.sha256, sha1: scan.sha1, author: options.author ?? null,
    });
  } catch (error) {
    fs.rmSync(incoming, { force: true });
    if (isUniqueViolation(error)) {
      throw new CatalogueError('conflict', `Une publication est déjà en cours pour « ${slug} » : réessayez quand elle sera terminée.`);
    }
    throw error;
  }
  const stored = path.join(folder, `${version.id}-${safeFileName(sourceName)}`);
  fs.renameSync(incoming, stored);
  await setVersionSourcePath(knex, version.id, path.relative(dataDir, stored));

  const columns = planVersionColumns(compiled.columns);
  const table = version.tableName!;
  const writer = await openVersionWriter(store, table, columns);
  let committed = false;
  try {
    // Parsing and validation run in a worker thread while this thread inserts (small files stay in-thread).
    const result = await ingestFileParallel(stored, compiled, {
      sourceName, prescan: scan, onProgress: options.onProgress,
      // A failing onRows stops the ingest (worker included): the way an abort reaches it.
      onRows: (rows) => {
        stopIfAborted();
        return writer.write(rows);
      },
    });
    stopIfAborted();
    if (!result.report.valid) {
      await writer.rollback();
      await markRejected(knex, version.id, result.report);
      return { status: 'rejected', report: result.report };
    }
    await writer.commit();
    committed = true;
    stopIfAborted();
    const byName = new Map(columns.map((c) => [c.name, c.columnName]));
    const keySets = [compiled.primaryKey, ...compiled.uniqueKeys].filter((k) => k.length).map((k) => k.map((f) => byName.get(f)!));
    await createIndexesAfterLoad(store, table, keySets);
    stopIfAborted();
    // Full text and geo for the query API, in bulk; a failure here drops the table like any other.
    await buildSearchAndGeoIndexes(store, table, columns, dataset.rowSchema);
    stopIfAborted();
    const fields: VersionField[] = compiled.columns.map((c, i) => ({
      ...columns[i], position: i, title: c.title ?? null, description: c.description ?? null,
    }));
    const published = await publishVersion(knex, dataset.id, version.id, {
      report: result.report, rowCount: result.rowCount, fields, profiles: result.profile ?? [],
    });
    return { status: 'published', version: published.number!, report: result.report };
  } catch (error) {
    // After commit the writer cannot roll back: the table is dropped here (or at start-up).
    await (committed ? dropVersionTable(store, table) : writer.rollback()).catch(() => undefined);
    const note = signal.aborted ? interruptionNote(signal) : 'Échec inattendu pendant le chargement : version rejetée.';
    await markRejected(knex, version.id, null, note).catch(() => undefined);
    throw signal.aborted ? interruption(signal) : error;
  }
}

function interruptionNote(signal: AbortSignal): string {
  return typeof signal.reason === 'string' ? signal.reason : SHUTDOWN_NOTE;
}

/** A file name safe on every file system, kept recognisable for people downloading the original. */
function safeFileName(name: string): string {
  const base = path.basename(name).normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '').slice(0, 100) || 'fichier.csv';
}
