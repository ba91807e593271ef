import type { Store } from '../../storage/store-types';
import { storeRunner, type StatementRunner } from '../statement-runner';
import { poolRunner } from './pool-runner';
import { ReadPool } from './read-pool';
import { readWorkerScript } from './worker-script';

/**
 * The runner the records service uses. A store kept in a file (SQLite) gets the read pool: its
 * driver is synchronous, so reads move to reader threads with their own read-only connections
 * to that file. PostgreSQL's driver is asynchronous already (a slow statement waits on a socket,
 * not on this thread) and cancels a statement past its budget itself: its runner stays on the
 * store's knex. `readWorkers: 0`, or no way to start a worker, also reads in the main thread.
 */
export const DEFAULT_READ_WORKERS = 2;

export interface RunnerOptions {
  /** Reader threads for a SQLite store (default 2); 0 reads in the main thread. */
  readWorkers?: number;
}

export function openStatementRunner(store: Store, options: RunnerOptions = {}): StatementRunner {
  const size = options.readWorkers ?? DEFAULT_READ_WORKERS;
  const script = size > 0 ? readWorkerScript() : null;
  if (store.config.kind !== 'sqlite' || !script) return storeRunner(store);
  return poolRunner(store, new ReadPool({ filename: store.config.filename, size, script }));
}
