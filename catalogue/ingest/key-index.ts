import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Remembers the keys seen so far (primary key, unique keys) to find repeats, with memory that does
 * not grow with the file: keys live in a temporary on-disk SQLite B-tree (bounded page cache)
 * instead of a JavaScript Set, which would cost ~100 bytes a key (hundreds of MB at 5M rows).
 *
 * A key is a text (the JSON of its parts) or, for a key on one integer column, the integer itself,
 * kept in an INTEGER PRIMARY KEY table (measured ~2.5× cheaper to fill than a text key table).
 *
 * Fast path: a key greater than every key so far (numbers by value, texts by length then text,
 * which is numeric order for JSON integers) cannot be a repeat, so it needs no lookup; such keys are
 * queued and inserted BULK at a time. Files sorted by their key (ids 1..n) take only that path: one
 * statement per BULK keys instead of one per key (measured ~0.85 µs a key, the ingest's third
 * cost). Any other key first flushes the queue, then goes through INSERT OR IGNORE as before.
 */
const BULK = 100;

type Key = string | number;

interface KeySet {
  integer: boolean;
  insert: Database.Statement;
  bulkInsert: Database.Statement;
  firstRow: Database.Statement | null;
  /** The greatest key so far. */
  greatest: Key | null;
  /** Keys known to be new, with their rows, waiting for a bulk insert: [key, row, key, row…]. */
  queued: Key[];
}

export class KeyIndex {
  private readonly db: Database.Database;
  private readonly file: string;
  /** Created at the first key, whose type (text or integer) decides the table's. */
  private readonly sets: Array<KeySet | null>;
  private pending = 0;

  constructor(keyCount: number) {
    this.file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-keys-')), 'keys.sqlite');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // 8 MB of cache at most: sorted keys (the usual ids) go as fast as with 16 MB; keys in random
    // order take ~0.25 µs more each; the publishing process's peak RSS is ~20 MB lower (bench/ingest.ts).
    this.db.pragma('cache_size = -8000');
    this.sets = new Array<KeySet | null>(keyCount).fill(null);
    this.db.exec('BEGIN');
  }

  private createSet(index: number, integer: boolean): KeySet {
    const table = `k${index}`;
    this.db.exec(integer
      ? `CREATE TABLE ${table} (key INTEGER PRIMARY KEY, row INTEGER NOT NULL)`
      : `CREATE TABLE ${table} (key TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID`);
    const set: KeySet = {
      integer,
      insert: this.db.prepare(`INSERT OR IGNORE INTO ${table} (key, row) VALUES (?, ?)`),
      // Plain INSERT: queued keys are new by construction, and a bug here must fail loudly.
      bulkInsert: this.db.prepare(`INSERT INTO ${table} (key, row) VALUES ${new Array(BULK).fill('(?, ?)').join(', ')}`),
      firstRow: null,
      greatest: null,
      queued: [],
    };
    this.sets[index] = set;
    return set;
  }

  /**
   * Records `key` for key set `index`; returns the row where it was first seen if it is a repeat.
   * A key set takes either texts or safe integers, never both.
   */
  add(index: number, key: Key, row: number): number | null {
    const integer = typeof key === 'number';
    const set = this.sets[index] ?? this.createSet(index, integer);
    if (set.integer !== integer) throw new Error(`KeyIndex: key set ${index} mixes text and integer keys`);
    if (isGreater(key, set.greatest)) {
      set.greatest = key;
      set.queued.push(key, row);
      if (set.queued.length === 2 * BULK) this.flush(set);
      return null;
    }
    this.flush(set);
    this.count(1);
    const info = set.insert.run(key, row);
    if (info.changes > 0) return null;
    set.firstRow ??= this.db.prepare(`SELECT row FROM k${index} WHERE key = ?`).pluck();
    return set.firstRow.get(key) as number;
  }

  /** Inserts the queued keys of a key set (before any lookup in it). */
  private flush(set: KeySet): void {
    const queue = set.queued;
    if (queue.length === 0) return;
    if (queue.length === 2 * BULK) {
      set.bulkInsert.run(queue);
    } else {
      for (let i = 0; i < queue.length; i += 2) set.insert.run(queue[i], queue[i + 1]);
    }
    this.count(queue.length / 2);
    queue.length = 0;
  }

  private count(keys: number): void {
    this.pending += keys;
    if (this.pending >= 50_000) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
  }

  close(): void {
    try {
      if (this.db.inTransaction) this.db.exec('COMMIT');
      this.db.close();
    } finally {
      fs.rmSync(path.dirname(this.file), { recursive: true, force: true });
    }
  }
}

/** `key` > `greatest` in a strict total order: numbers by value; texts by length, then code units. */
function isGreater(key: Key, greatest: Key | null): boolean {
  if (greatest === null) return true;
  if (typeof key === 'number') return key > (greatest as number);
  const g = greatest as string;
  return key.length > g.length || (key.length === g.length && key > g);
}
