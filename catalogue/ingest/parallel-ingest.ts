import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CompiledRowSchema } from '../validation/compile-row-schema';
import type { RowSchema } from '../validation/row-schema';
import { TableProfiler } from './column-profile';
import { ingestFile, type IngestOptions, type IngestResult } from './ingest-file';
import type { Prescan } from './prescan';
import { decodeRows, type EncodedBatch } from './row-batch-codec';
import { deserializeError, type SerializedError } from './worker-errors';

export { batchTransferList, decodeRows, encodeRows, type EncodedBatch } from './row-batch-codec';
export { deserializeError, serializeError, type SerializedError } from './worker-errors';

/**
 * `ingestFile` on two threads: a worker thread reads, parses, converts and validates (the whole
 * `ingestFile`, keys and report included) and posts the typed rows in batches; this thread hands
 * each batch to `onRows` (the store writer), computes the column profiles, and acknowledges. Same
 * arguments, same result, same rows in the same order as `ingestFile`.
 *
 * - Back-pressure: at most MAX_IN_FLIGHT batches are posted and not yet acknowledged; the worker's
 *   `onRows` waits for an acknowledgement beyond that, which pauses its reading (ingestFile awaits
 *   onRows between chunks). Memory stays flat whatever the file size.
 * - Rows cross as a compact batch (a tag per cell, numbers in a Float64Array, strings joined in one
 *   string with their lengths), the arrays transferred, not copied: measured ~3× cheaper on this
 *   thread than a structured clone of the row arrays, and this thread is the one inserting.
 * - Profiles are computed here, on the rows as they arrive: the worker has the heavier half
 *   (measured on 1M rows: ~4 s in the worker, csv-parse 60 % of it; ~2.7 s here with the inserts).
 *   The result is the one ingestFile computes: the same rows in the same order, and null when the
 *   report has an error.
 * - Files under PARALLEL_MIN_BYTES are ingested in this thread: starting a worker costs more.
 * - Errors: an exception in the worker rejects with an equivalent error (CatalogueError keeps its
 *   code and details); a failing `onRows` stops the worker (it unwinds, so its temporary key
 *   index is removed) and rejects with that failure; a worker that dies without a result rejects.
 *   The promise settles only once the worker has exited (terminated after a grace period).
 * - From TypeScript sources (jest with @swc/jest, no dist/), the worker is started through a small
 *   bootstrap that compiles the .ts files with @swc/core, the compiler jest already uses; without
 *   it, the ingest runs in this thread (`ingestFile`).
 */

const MAX_IN_FLIGHT = 4;
/** How long a worker asked to stop may take to unwind before it is terminated. */
const STOP_GRACE_MS = 5000;
export const WORKER_KIND = 'opendata-ingest-worker';

/** Captured at load: the in-thread fallback must stay ingestFile even if a caller swaps the export. */
const inThreadIngest = ingestFile;

export interface WorkerInput {
  kind: typeof WORKER_KIND;
  filePath: string;
  schema: RowSchema;
  options: {
    sourceName?: string;
    batchSize?: number;
    /** Profile in the worker (only when the rows do not come here). */
    profile: boolean;
    prescan?: Prescan;
    /** Post the rows (the caller gave onRows). */
    rows: boolean;
    progress: boolean;
  };
  maxInFlight: number;
}

export type ToWorker = { type: 'ack' } | { type: 'stop' };

export type FromWorker =
  | { type: 'rows'; batch: EncodedBatch }
  | { type: 'rows-cloned'; rows: unknown[][] }
  | { type: 'progress'; progress: { bytes: number; totalBytes: number; rows: number } }
  | { type: 'done'; result: IngestResult }
  | { type: 'error'; error: SerializedError };

// ---------------------------------------------------------------------------------------------
// Starting the worker

type WorkerStart = { filename: string; eval: boolean; extra: Record<string, unknown> };

/** Compiles the worker's TypeScript sources on the fly when there is no built JavaScript to run. */
const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const swc = require(workerData.swcPath);
const compile = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require.extensions['.ts'] = compile;
require(workerData.script);
`;

let cachedStart: WorkerStart | null | undefined;

function workerStart(): WorkerStart | null {
  if (cachedStart !== undefined) return cachedStart;
  const js = path.join(__dirname, 'ingest-worker.js');
  const ts = path.join(__dirname, 'ingest-worker.ts');
  if (path.extname(__filename) === '.js' && fs.existsSync(js)) {
    cachedStart = { filename: js, eval: false, extra: {} };
  } else if (fs.existsSync(ts)) {
    try {
      cachedStart = { filename: TS_BOOTSTRAP, eval: true, extra: { swcPath: require.resolve('@swc/core'), script: ts } };
    } catch {
      cachedStart = null; // no compiler at hand: in-thread
    }
  } else {
    cachedStart = null;
  }
  return cachedStart;
}

/** Whether `ingestFileParallel` will use a worker thread here (false: it runs `ingestFile` in this thread). */
export function parallelIngestAvailable(): boolean {
  return workerStart() !== null;
}

// ---------------------------------------------------------------------------------------------
// The main side

export interface ParallelTuning {
  /** Files smaller than this are ingested in this thread (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
}

/**
 * Below this size a worker does not pay: starting one (a thread, its modules, the schema compiled
 * again) costs ~130 ms, what ingestFile takes for ~25,000 rows (measured, bench/ingest.ts).
 */
export const PARALLEL_MIN_BYTES = 4 << 20;

export async function ingestFileParallel(
  filePath: string, compiled: CompiledRowSchema, options: IngestOptions = {}, tuning: ParallelTuning = {},
): Promise<IngestResult> {
  const start = workerStart();
  if (!start || (await fileSize(filePath, options)) < (tuning.minBytes ?? PARALLEL_MIN_BYTES)) {
    return inThreadIngest(filePath, compiled, options);
  }
  const onRows = options.onRows;
  const wantProfile = options.profile ?? Boolean(onRows);
  const profiler = onRows && wantProfile ? new TableProfiler(compiled.columns) : null;
  const input: WorkerInput = {
    kind: WORKER_KIND,
    filePath,
    schema: compiled.schema,
    options: {
      sourceName: options.sourceName,
      batchSize: options.batchSize,
      profile: wantProfile && !profiler,
      prescan: options.prescan,
      rows: Boolean(onRows),
      progress: Boolean(options.onProgress),
    },
    maxInFlight: MAX_IN_FLIGHT,
  };
  const worker = new Worker(start.filename, { eval: start.eval, workerData: { ...input, ...start.extra } });
  return superviseIngestWorker(worker, { onRows, onProgress: options.onProgress, profiler });
}

/** The file's size, from the caller's prescan when there is one; unknown (Infinity) when unreadable: the worker reports that. */
async function fileSize(filePath: string, options: IngestOptions): Promise<number> {
  if (options.prescan) return options.prescan.bytes;
  try {
    return (await fs.promises.stat(filePath)).size;
  } catch {
    return Infinity;
  }
}

export interface SupervisorOptions {
  onRows?: IngestOptions['onRows'];
  onProgress?: IngestOptions['onProgress'];
  /** Profiles the rows as they arrive (the worker then does not); its result replaces the worker's. */
  profiler?: TableProfiler | null;
}

/**
 * This thread's side of the protocol, for a started worker (exported for tests, which give it
 * workers that fail in chosen ways): handles messages one at a time, in order, settles once the
 * worker has exited.
 */
export function superviseIngestWorker(worker: Worker, { onRows, onProgress, profiler = null }: SupervisorOptions): Promise<IngestResult> {
  return new Promise<IngestResult>((resolve, reject) => {
    const queue: FromWorker[] = [];
    let busy = false;
    let result: IngestResult | null = null;
    let failure: { error: unknown } | null = null;
    let exited = false;
    let exitCode = 0;
    let settled = false;
    let stopTimer: NodeJS.Timeout | null = null;

    const stopWorker = () => {
      if (stopTimer || exited) return;
      try {
        worker.postMessage({ type: 'stop' } satisfies ToWorker);
      } catch {
        // already gone
      }
      stopTimer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    };

    const settle = () => {
      if (settled) return;
      if (failure) {
        stopWorker();
        // Settled once the worker is gone and no onRows is still running (the caller rolls back next).
        if (!exited || busy) return;
      } else if (result) {
        if (!exited) {
          // The worker ends by itself once done; a lingering one is ended here.
          if (!stopTimer) stopTimer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
          return;
        }
      } else if (!exited || busy || queue.length) {
        return;
      } else {
        failure = { error: new Error(`Le fil de validation s'est arrêté (code ${exitCode}) sans rendre de résultat.`) };
      }
      settled = true;
      if (stopTimer) clearTimeout(stopTimer);
      if (failure) {
        reject(failure.error);
        return;
      }
      const profile = profiler && result!.report.stats.errors === 0 ? profiler.result() : result!.profile;
      resolve({ ...result!, profile });
    };

    const fail = (error: unknown) => {
      failure ??= { error };
      settle();
    };

    const pump = async () => {
      if (busy) return;
      busy = true;
      try {
        while (queue.length && !failure && !result) {
          const message = queue.shift()!;
          switch (message.type) {
            case 'rows':
            case 'rows-cloned': {
              const rows = message.type === 'rows' ? decodeRows(message.batch) : message.rows;
              if (profiler) for (let i = 0; i < rows.length; i++) profiler.addRow(rows[i]);
              if (onRows) await onRows(rows);
              if (!exited) worker.postMessage({ type: 'ack' } satisfies ToWorker);
              break;
            }
            case 'progress':
              onProgress?.(message.progress);
              break;
            case 'done':
              result = message.result;
              break;
            case 'error':
              failure = { error: deserializeError(message.error) };
              break;
          }
        }
      } catch (error) {
        failure ??= { error };
      } finally {
        busy = false;
      }
      settle();
    };

    worker.on('message', (message: FromWorker) => {
      queue.push(message);
      void pump();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      exited = true;
      exitCode = code;
      settle();
    });
  });
}
