import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { compileRowSchema } from '../validation/compile-row-schema';
import { ingestFile } from './ingest-file';
import {
  batchTransferList, encodeRows, serializeError, WORKER_KIND,
  type FromWorker, type ToWorker, type WorkerInput,
} from './parallel-ingest';

/**
 * The worker side of `ingestFileParallel` (parallel-ingest.ts): compiles the row schema it is
 * given, runs `ingestFile`, posts typed rows in batches (waiting for acknowledgements beyond
 * `maxInFlight`), progress, and finally the result or the error. Does nothing when imported
 * outside such a worker.
 */
class StopRequested extends Error {
  constructor() {
    super("Validation interrompue : l'écriture des lignes a échoué.");
    this.name = 'StopRequested';
  }
}

async function run(port: MessagePort, input: WorkerInput): Promise<void> {
  const post = (message: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
  let inFlight = 0;
  let stopped = false;
  let waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;

  port.on('message', (message: ToWorker) => {
    if (message.type === 'ack') {
      inFlight--;
      if (waiting && inFlight < input.maxInFlight) {
        const w = waiting;
        waiting = null;
        w.resolve();
      }
    } else if (message.type === 'stop') {
      stopped = true;
      if (waiting) {
        const w = waiting;
        waiting = null;
        w.reject(new StopRequested());
      }
    }
  });

  const sendRows = (rows: unknown[][]): Promise<void> | void => {
    if (stopped) throw new StopRequested();
    const batch = encodeRows(rows);
    if (batch) post({ type: 'rows', batch }, batchTransferList(batch));
    else post({ type: 'rows-cloned', rows });
    inFlight++;
    if (inFlight < input.maxInFlight) return;
    return new Promise<void>((resolve, reject) => {
      waiting = { resolve, reject };
    });
  };

  try {
    const { options } = input;
    // A Buffer arrives as a plain Uint8Array.
    const prescan = options.prescan
      ? { ...options.prescan, head: Buffer.from(options.prescan.head.buffer, options.prescan.head.byteOffset, options.prescan.head.byteLength) }
      : undefined;
    const result = await ingestFile(input.filePath, compileRowSchema(input.schema), {
      sourceName: options.sourceName,
      batchSize: options.batchSize,
      profile: options.profile,
      prescan,
      onRows: options.rows ? sendRows : undefined,
      // Called between chunks: where a stop request ends the reading.
      onProgress: (progress) => {
        if (stopped) throw new StopRequested();
        if (options.progress) post({ type: 'progress', progress });
      },
    });
    post({ type: 'done', result });
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
  } finally {
    // Nothing more to receive: the thread ends once its messages are out (removing the listener is not enough).
    port.removeAllListeners('message');
    port.unref();
  }
}

const input = workerData as WorkerInput | undefined;
if (!isMainThread && parentPort && input?.kind === WORKER_KIND) void run(parentPort, input);
