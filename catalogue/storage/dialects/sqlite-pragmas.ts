import type Database from 'better-sqlite3';

/** How long a pooled connection waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Applied to every connection the store opens (pool and writer alike), so no work ever runs on a
 * connection without them. WAL lets readers go on while a version loads; synchronous=NORMAL is
 * safe in WAL (a power cut may lose the last commits, never corrupt the file); analysis_limit keeps
 * ANALYZE of a big version table to a sample.
 */
export function applySqlitePragmas(db: Database.Database, busyTimeoutMs = BUSY_TIMEOUT_MS): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('analysis_limit = 1000');
}

/**
 * A read-only connection of the query read pool (catalogue/query/read-pool): the file is in WAL
 * already (set by the store's own connection), so it reads beside a publication's writes; it
 * waits for locks like the others, and query_only makes sure nothing it runs ever writes.
 */
export function applySqliteReaderPragmas(db: Database.Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('query_only = ON');
}
