import { Worker } from 'node:worker_threads';
import { BudgetExceeded } from '../../storage/dialects/query-dialect';
import { errorFromReply, READ_WORKER_KIND, rowsFromReply, type ReadWorkerData, type Row, type StatementReply, type StatementRequest } from './protocol';
import type { WorkerScript } from './worker-script';

/**
 * A small pool of reader threads (read-worker.ts), each with its own read-only connection to the
 * store's SQLite file. better-sqlite3 is synchronous: run in the main thread, a 1 s statement
 * freezes every request; run here, it occupies one reader while the main thread and the other
 * readers go on (WAL lets them all read while a publication writes).
 *
 * - Statements wait in one queue, earliest deadline first; a free reader takes the first one.
 *   A caller may queue a statement by an earlier rank than its deadline (point lookups rank by
 *   their arrival, so they pass the scans waiting for their deadlines; pool-runner.ts).
 *   All statements of one answer share its deadline (its start plus its budget), so the second
 *   statement of an answer (a count, a facet) goes before the first statement of answers that
 *   started after it, instead of queueing again behind them: under load an answer waits about
 *   once, not once per statement. With equal budgets this is first come, first served by answer.
 * - Readers start on demand (up to `size`) and stay; an idle one does not keep the process alive
 *   (unref).
 * - Each statement has a deadline. Past it, a queued statement is dropped and a running one's
 *   reader is terminated (`worker.terminate()`); a fresh reader takes its place with the next
 *   statement. Either way the caller gets BudgetExceeded at the deadline, whatever the statement
 *   is doing.
 * - Terminating a worker stops its JavaScript at once, and with it any statement that calls into
 *   JavaScript (case-insensitive LIKE calls `opendata_lower` on every row). A statement that stays
 *   inside SQLite's C code (a scan, a sort, a GROUP BY) cannot be interrupted by anyone (better-
 *   sqlite3 has no sqlite3_interrupt): its thread finishes that one statement, then exits, without
 *   answering. Such threads are "lingering": a replacement starts only while live and lingering
 *   threads together stay under twice `size`, so repeated timeouts cannot pile up threads (past
 *   that, statements wait, within their own budgets, for a lingering thread to end).
 * - A reader that dies (a crash, the file cannot be opened) fails the statement it held with its
 *   error; the next statement starts a new reader.
 */
export interface ReadPoolOptions {
  filename: string;
  /** How many reader threads at most (besides lingering ones). */
  size: number;
  script: WorkerScript;
}

export interface ReadPoolStats {
  readers: number;
  busy: number;
  queued: number;
  lingering: number;
}

interface Task {
  request: StatementRequest;
  deadline: number;
  /** Its place in the queue: its deadline, or earlier for a statement that should pass (a point lookup). */
  rank: number;
  resolve(rows: Row[]): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout | null;
  reader: Reader | null;
}

interface Reader {
  worker: Worker;
  task: Task | null;
  /** Terminated by the pool (past a deadline, or closing): its exit is expected. */
  retired: boolean;
  error: Error | null;
}

/** What a worker threw, as an Error: a custom error class (SqliteError) crosses threads as a plain object. */
function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  const { message, code } = (thrown ?? {}) as { message?: unknown; code?: unknown };
  const text = typeof message === 'string' ? message : typeof code === 'string' ? code : String(thrown);
  return errorFromReply({ name: 'Error', message: `Un lecteur de la base a échoué : ${text}`, code: typeof code === 'string' ? code : undefined });
}

export class ReadPool {
  private readonly readers = new Set<Reader>();
  private queue: Task[] = [];
  private readonly exits = new Set<Promise<void>>();
  private lingering = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ReadPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`Taille de pool de lecture invalide : ${options.size}.`);
  }

  /**
   * The rows of one read statement, or BudgetExceeded once `deadline` (a Date.now() time) is past.
   * `rank` orders the queue (default: the deadline).
   */
  run(sql: string, bindings: unknown[], deadline: number, rank: number = deadline): Promise<Row[]> {
    if (this.closed) return Promise.reject(new Error('Le pool de lecture est fermé.'));
    return new Promise<Row[]>((resolve, reject) => {
      const task: Task = { request: { id: this.nextId++, sql, bindings }, deadline, rank, resolve, reject, timer: null, reader: null };
      const left = deadline - Date.now();
      if (left <= 0) {
        reject(new BudgetExceeded());
        return;
      }
      task.timer = setTimeout(() => this.expire(task), left);
      this.enqueue(task);
      this.dispatch();
    });
  }

  stats(): ReadPoolStats {
    let busy = 0;
    for (const reader of this.readers) if (reader.task) busy++;
    return { readers: this.readers.size, busy, queued: this.queue.length, lingering: this.lingering };
  }

  /** Fails what waits or runs, stops every reader, and resolves once all threads have exited (lingering ones included). */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      const error = new Error('Le pool de lecture est fermé.');
      for (const task of this.queue) this.settle(task, () => task.reject(error));
      this.queue = [];
      for (const reader of [...this.readers]) {
        const task = reader.task;
        reader.task = null;
        if (task) this.settle(task, () => task.reject(error));
        this.retire(reader);
      }
    }
    await Promise.all([...this.exits]);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let reader: Reader | null;
      try {
        reader = this.idleReader() ?? this.spawn();
      } catch (error) {
        // No thread could start (resources): the statement first in line fails with why.
        const first = this.queue.shift()!;
        this.settle(first, () => first.reject(error));
        continue;
      }
      if (!reader) return;
      const task = this.queue.shift()!;
      reader.task = task;
      task.reader = reader;
      reader.worker.ref();
      try {
        reader.worker.postMessage(task.request);
      } catch (error) {
        // Bound values that cannot cross threads: a bug upstream, reported on this statement only.
        reader.task = null;
        reader.worker.unref();
        this.settle(task, () => task.reject(error));
      }
    }
  }

  /** Keeps the queue ordered by rank; equal ranks keep their arrival order. */
  private enqueue(task: Task): void {
    let at = this.queue.length;
    while (at > 0 && this.queue[at - 1].rank > task.rank) at--;
    this.queue.splice(at, 0, task);
  }

  private idleReader(): Reader | null {
    for (const reader of this.readers) if (!reader.task) return reader;
    return null;
  }

  private spawn(): Reader | null {
    const { size } = this.options;
    if (this.closed || this.readers.size >= size || this.readers.size + this.lingering >= 2 * size) return null;
    const { script, filename } = this.options;
    const workerData: ReadWorkerData & Record<string, string> = { kind: READ_WORKER_KIND, filename, ...script.extraData };
    const worker = new Worker(script.filename, { eval: script.eval, workerData });
    const reader: Reader = { worker, task: null, retired: false, error: null };
    worker.unref();
    const exit = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.exits.add(exit);
    void exit.then(() => this.exits.delete(exit));
    worker.on('message', (reply: StatementReply) => this.answer(reader, reply));
    worker.on('error', (error: unknown) => {
      reader.error = asError(error);
    });
    worker.on('exit', (code) => this.exited(reader, code));
    this.readers.add(reader);
    return reader;
  }

  private answer(reader: Reader, reply: StatementReply): void {
    const task = reader.task;
    if (!task || reply.id !== task.request.id) return;
    reader.task = null;
    reader.worker.unref();
    this.settle(task, () => (reply.ok ? task.resolve(rowsFromReply(reply.columns, reply.values)) : task.reject(errorFromReply(reply.error))));
    this.dispatch();
  }

  private exited(reader: Reader, code: number): void {
    if (reader.retired) {
      this.lingering--;
    } else {
      this.readers.delete(reader);
      const task = reader.task;
      if (task) this.settle(task, () => task.reject(reader.error ?? new Error(`Un lecteur de la base s'est arrêté (code ${code}).`)));
    }
    this.dispatch();
  }

  private expire(task: Task): void {
    task.timer = null;
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
    } else if (task.reader && task.reader.task === task) {
      // The only way to stop a running statement: stop its thread. A fresh reader replaces it.
      const reader = task.reader;
      reader.task = null;
      this.retire(reader);
    } else {
      return;
    }
    task.reject(new BudgetExceeded());
    this.dispatch();
  }

  private retire(reader: Reader): void {
    this.readers.delete(reader);
    reader.retired = true;
    this.lingering++;
    void reader.worker.terminate();
  }

  private settle(task: Task, then: () => void): void {
    if (task.timer) clearTimeout(task.timer);
    task.timer = null;
    task.reader = null;
    then();
  }
}
