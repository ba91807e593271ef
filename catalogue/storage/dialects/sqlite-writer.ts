import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { CatalogueError } from '../../errors';
import { ROW_ID_COLUMN, columnDefinitions, type VersionColumn } from '../column-types';
import { quoteIdentifier } from '../sql-identifiers';
import type { VersionWriter } from './dialect';
import { sqliteEncoders, type CellEncoder } from './sqlite-values';
import { applySqlitePragmas } from './sqlite-pragmas';

/** 50 rows per INSERT measured fastest (~1M rows/s raw); SQLite allows 32,766 parameters. */
const ROWS_PER_STATEMENT = 50;
const MAX_PARAMETERS = 32766;
/** Each slice of this many rows is its own short transaction; see README.md for why not one for all. */
const ROWS_PER_TRANSACTION = 5000;
/** How long to keep retrying when another process holds the write lock. */
const LOCK_WAIT_MS = 30_000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs `work` synchronously inside BEGIN IMMEDIATE … COMMIT. The writer's connection has no busy
 * timeout: a lock held elsewhere is waited for here, asynchronously, so the event loop keeps
 * running (the holder may be a knex transaction of this very process).
 */
async function withWriteLock(db: Database.Database, work: () => void): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
    try {
      db.exec('BEGIN IMMEDIATE');
      break;
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await sleep(delay);
    }
  }
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function insertSql(table: string, columns: readonly VersionColumn[], rows: number): string {
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const names = columns.map((c) => quoteIdentifier(c.columnName)).join(', ');
  return `INSERT INTO ${quoteIdentifier(table)} (${names}) VALUES ${new Array(rows).fill(tuple).join(',')}`;
}

class SqliteVersionWriter implements VersionWriter {
  rowCount = 0;
  private state: 'open' | 'committed' | 'rolled-back' = 'open';
  private readonly width: number;
  private readonly rowsPerStatement: number;
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly manyParams: unknown[];
  private readonly oneParams: unknown[];
  private readonly encoded: number[];
  private readonly encoders: CellEncoder[];

  constructor(private readonly db: Database.Database, private readonly table: string, columns: readonly VersionColumn[]) {
    this.width = columns.length;
    this.rowsPerStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / this.width)));
    // Prepared once: the statement text is long, and parsing it per batch would cost more than the rows.
    this.many = db.prepare(insertSql(table, columns, this.rowsPerStatement));
    this.one = db.prepare(insertSql(table, columns, 1));
    this.manyParams = new Array(this.rowsPerStatement * this.width);
    this.oneParams = new Array(this.width);
    const encoders = sqliteEncoders(columns);
    this.encoded = encoders.map((e) => e.index);
    this.encoders = encoders.map((e) => e.encode);
  }

  async write(rows: unknown[][]): Promise<void> {
    this.assertOpen();
    try {
      for (let start = 0; start < rows.length; start += ROWS_PER_TRANSACTION) {
        const end = Math.min(rows.length, start + ROWS_PER_TRANSACTION);
        await withWriteLock(this.db, () => this.insertRange(rows, start, end));
        this.rowCount += end - start;
        // A huge batch must not hold the event loop for seconds.
        if (end < rows.length) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      // The original error is the one worth reporting; a table the rollback could not drop is cleanup's job.
      await this.rollback().catch(() => undefined);
      throw error;
    }
  }

  async commit(): Promise<void> {
    this.assertOpen();
    this.state = 'committed';
    this.db.close();
  }

  async rollback(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'rolled-back';
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      await withWriteLock(this.db, () => this.db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(this.table)}`));
    } finally {
      this.db.close();
    }
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new CatalogueError('conflict', `L'écriture dans ${this.table} est déjà terminée.`);
  }

  private insertRange(rows: unknown[][], start: number, end: number): void {
    const perStatement = this.rowsPerStatement;
    let i = start;
    for (; i + perStatement <= end; i += perStatement) {
      let p = 0;
      for (let r = i; r < i + perStatement; r++) p = this.fill(this.manyParams, p, rows[r]);
      this.many.run(this.manyParams);
    }
    for (; i < end; i++) {
      this.fill(this.oneParams, 0, rows[i]);
      this.one.run(this.oneParams);
    }
  }

  /** Copies one row into the parameter array at `p`; every slot is written, so short rows leave no stale values. */
  private fill(params: unknown[], p: number, row: unknown[]): number {
    const width = this.width;
    for (let c = 0; c < width; c++) params[p + c] = row[c];
    const encoded = this.encoded;
    for (let k = 0; k < encoded.length; k++) {
      const c = encoded[k];
      params[p + c] = this.encoders[k](row[c]);
    }
    return p + width;
  }
}

/**
 * A dedicated connection to the store's file: the table is created and filled there, in slices of
 * short transactions, while the knex pool stays free for everything else (WAL keeps readers going).
 */
export async function openSqliteVersionWriter(filename: string, table: string, columns: readonly VersionColumn[]): Promise<VersionWriter> {
  if (columns.length === 0) throw new CatalogueError('bad-schema', 'Le schéma ne déclare aucune colonne.');
  const db = new Database(filename, { fileMustExist: true });
  try {
    applySqlitePragmas(db, 0);
    // Rows are appended (rowid order, no index during the load): a 4 MB page cache loads as fast as
    // 64 MB did (bench/ingest.ts: same rows/s) and keeps ~55 MB off the publishing process's peak RSS.
    db.pragma('cache_size = -4096');
    const ddl = `CREATE TABLE ${quoteIdentifier(table)} (${quoteIdentifier(ROW_ID_COLUMN)} INTEGER PRIMARY KEY, ${columnDefinitions(columns, 'sqlite')})`;
    await withWriteLock(db, () => db.exec(ddl));
    return new SqliteVersionWriter(db, table, columns);
  } catch (error) {
    db.close();
    throw error;
  }
}
