import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Remembers the keys seen so far (primary key, unique keys) to find repeats, with memory that does
 * not grow with the file: keys live in a temporary on-disk SQLite B-tree (bounded page cache)
 * instead of a JavaScript Set, which would cost ~100 bytes a key (hundreds of MB at 5M rows).
 */
export class KeyIndex {
  private readonly db: Database.Database;
  private readonly file: string;
  private readonly inserts: Database.Statement[];
  private pending = 0;

  constructor(keyCount: number) {
    this.file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-keys-')), 'keys.sqlite');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -16000'); // 16 MB of cache at most
    this.inserts = [];
    for (let i = 0; i < keyCount; i++) {
      this.db.exec(`CREATE TABLE k${i} (key TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID`);
      this.inserts.push(this.db.prepare(`INSERT OR IGNORE INTO k${i} (key, row) VALUES (?, ?)`));
    }
    this.db.exec('BEGIN');
  }

  private readonly firstRowStatements = new Map<number, Database.Statement>();

  /** Records `key` for key set `index`; returns the row where it was first seen if it is a repeat. */
  add(index: number, key: string, row: number): number | null {
    if (++this.pending >= 50_000) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
    const info = this.inserts[index].run(key, row);
    if (info.changes > 0) return null;
    let stmt = this.firstRowStatements.get(index);
    if (!stmt) {
      stmt = this.db.prepare(`SELECT row FROM k${index} WHERE key = ?`).pluck();
      this.firstRowStatements.set(index, stmt);
    }
    return stmt.get(key) as number;
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
