import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReadPool } from '../../../catalogue/query/read-pool/read-pool';
import { readWorkerScript } from '../../../catalogue/query/read-pool/worker-script';
import { applySqlitePragmas } from '../../../catalogue/storage/dialects/sqlite-pragmas';
import { BudgetExceeded } from '../../../catalogue/storage/dialects/query-dialect';

/**
 * The read pool on a real SQLite file (whatever store the suite runs on: the pool is SQLite's),
 * with real worker threads started from the TypeScript sources (worker-script.ts).
 */
let dir: string;
let filename: string;
let writer: Database.Database;
const pools: ReadPool[] = [];

function pool(size = 2, file = filename): ReadPool {
  const script = readWorkerScript();
  if (!script) throw new Error('no worker script');
  const created = new ReadPool({ filename: file, size, script });
  pools.push(created);
  return created;
}

const soon = (ms = 10_000) => Date.now() + ms;
/** Pure C: SQLite never calls back into JavaScript while it counts (about 1 s for 10 million). */
const nativeCount = (to: number) => `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${to}) SELECT count(*) AS n FROM c`;
/** Calls a JavaScript function at every step (as a case-insensitive LIKE does on every row). */
const jsCount = (to: number) => `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${to} AND opendata_lower('A' || x) IS NOT NULL) SELECT count(*) AS n FROM c`;

/** Waits for a state, bounded so that a lost wake-up fails the test rather than hanging it (generous: CI machines are shared). */
async function until(check: () => boolean, timeoutMs = 40_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-read-pool-'));
  filename = path.join(dir, 'store.sqlite');
  writer = new Database(filename);
  applySqlitePragmas(writer);
  writer.exec('CREATE TABLE t (_id INTEGER PRIMARY KEY, name TEXT, amount REAL, flag INTEGER, note TEXT)');
  const insert = writer.prepare('INSERT INTO t (name, amount, flag, note) VALUES (?, ?, ?, ?)');
  for (let i = 1; i <= 50; i++) insert.run(`Évreux ${i}`, i / 4, i % 2, i % 5 === 0 ? null : `note ${i}`);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  writer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('read pool', () => {
  it('runs a statement with bound values; rows come back as objects keyed by column', async () => {
    const rows = await pool().run('SELECT _id, name, amount, flag, note FROM t WHERE _id IN (?, ?) ORDER BY _id', [4, 5], soon());
    expect(rows).toEqual([
      { _id: 4, name: 'Évreux 4', amount: 1, flag: 0, note: 'note 4' },
      { _id: 5, name: 'Évreux 5', amount: 1.25, flag: 1, note: null },
    ]);
    expect(await pools[0].run('SELECT count(*) AS "count" FROM t WHERE amount > ?', [10], soon())).toEqual([{ count: 10 }]);
    expect(await pools[0].run('SELECT name FROM t WHERE 1 = 0', [], soon())).toEqual([]);
  });

  it('has the store’s functions: Unicode case folding', async () => {
    expect(await pool().run('SELECT opendata_lower(?) AS v', ['ÉVREUX'], soon())).toEqual([{ v: 'évreux' }]);
  });

  it('reads only', async () => {
    await expect(pool().run('DELETE FROM t', [], soon())).rejects.toThrow(/lectures|readonly|read-only/i);
    expect(await pools[pools.length - 1].run('SELECT count(*) AS n FROM t', [], soon())).toEqual([{ n: 50 }]);
  });

  it('reports a missing table with SQLite’s message (the engine turns it into `gone`)', async () => {
    await expect(pool().run('SELECT * FROM nowhere', [], soon())).rejects.toMatchObject({ message: expect.stringMatching(/no such table/), code: 'SQLITE_ERROR' });
  });

  it('reads beside a write transaction (WAL), then sees it once committed', async () => {
    const p = pool();
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare("INSERT INTO t (name) VALUES ('nouvelle')").run();
    expect(await p.run('SELECT count(*) AS n FROM t', [], soon())).toEqual([{ n: 50 }]);
    writer.exec('COMMIT');
    expect(await p.run('SELECT count(*) AS n FROM t', [], soon())).toEqual([{ n: 51 }]);
    writer.exec("DELETE FROM t WHERE name = 'nouvelle'");
  });

  it('runs statements side by side: a slow one does not hold a light one', async () => {
    const p = pool(2);
    await Promise.all([p.run('SELECT 1 AS one', [], soon()), p.run('SELECT 1 AS one', [], soon())]); // both readers started
    let slowDone = false;
    const slow = p.run(nativeCount(8_000_000), [], soon()).finally(() => (slowDone = true));
    expect(await p.run('SELECT name FROM t WHERE _id = ?', [3], soon())).toEqual([{ name: 'Évreux 3' }]);
    // The light statement was answered while the slow one still ran on the other reader.
    expect(slowDone).toBe(false);
    expect(await slow).toEqual([{ n: 8_000_000 }]);
  });

  it('a statement past its deadline is stopped: BudgetExceeded at the deadline, a new reader takes over', async () => {
    const p = pool(1);
    await p.run('SELECT 1', [], soon());
    // A billion steps would run for minutes: the rejection itself shows the statement was stopped.
    await expect(p.run(jsCount(1e9), [], Date.now() + 200)).rejects.toBeInstanceOf(BudgetExceeded);
    // Its thread stopped at once (the statement calls into JavaScript)…
    await until(() => p.stats().lingering === 0, 2000);
    // …and the pool goes on.
    expect(await p.run('SELECT count(*) AS n FROM t', [], soon())).toEqual([{ n: 50 }]);
  });

  it('a statement that stays in C ends its thread when it finishes; meanwhile a replacement serves', async () => {
    const p = pool(1);
    await p.run('SELECT 1', [], soon());
    await expect(p.run(nativeCount(30_000_000), [], Date.now() + 300)).rejects.toBeInstanceOf(BudgetExceeded);
    // The caller got its answer while the statement still runs in C, in its (lingering) thread.
    expect(p.stats().lingering).toBe(1);
    expect(await p.run('SELECT name FROM t WHERE _id = ?', [1], soon())).toEqual([{ name: 'Évreux 1' }]);
    // Still lingering: the replacement answered before the statement ended.
    expect(p.stats().lingering).toBe(1);
    await until(() => p.stats().lingering === 0);
  });

  it('a statement ranked by its arrival passes those waiting for their deadlines (point lookups before scans)', async () => {
    const p = pool(1);
    await p.run('SELECT 1', [], soon());
    const order: string[] = [];
    const busy = p.run(nativeCount(3_000_000), [], soon()).then(() => order.push('occupant'));
    const scan = p.run('SELECT count(*) AS n FROM t', [], soon()).then(() => order.push('scan'));
    const lookup = p.run('SELECT name FROM t WHERE _id = ?', [2], soon(), Date.now()).then((rows) => {
      order.push('lookup');
      return rows;
    });
    expect(p.stats().queued).toBe(2);
    expect(await lookup).toEqual([{ name: 'Évreux 2' }]);
    await Promise.all([busy, scan]);
    expect(order).toEqual(['occupant', 'lookup', 'scan']);
  });

  it('lingering threads are bounded: past twice the size, statements wait for one to end', async () => {
    const p = pool(1);
    await p.run('SELECT 1', [], soon());
    // Long statements, and deadlines that leave them time to start even on a busy machine.
    for (let i = 0; i < 2; i++) {
      await expect(p.run(nativeCount(25_000_000), [], Date.now() + 400)).rejects.toBeInstanceOf(BudgetExceeded);
    }
    expect(p.stats()).toMatchObject({ readers: 0, lingering: 2 });
    const waiting = p.run('SELECT 1 AS one', [], soon(60_000));
    await new Promise((r) => setTimeout(r, 50));
    expect(p.stats()).toMatchObject({ readers: 0, queued: 1 });
    expect(await waiting).toEqual([{ one: 1 }]);
    await until(() => p.stats().lingering === 0, 60_000);
  });

  it('a deadline already past fails at once; a statement waiting in the queue past its deadline is dropped', async () => {
    const p = pool(1);
    const alreadyPast = Date.now() - 1;
    await expect(p.run('SELECT 1', [], alreadyPast)).rejects.toBeInstanceOf(BudgetExceeded);
    const slow = p.run(nativeCount(3_000_000), [], soon());
    await expect(p.run('SELECT 1', [], Date.now() + 50)).rejects.toBeInstanceOf(BudgetExceeded);
    expect(await slow).toEqual([{ n: 3_000_000 }]);
  });

  it('serves the earliest deadline first: a later statement of an older answer before a newer answer', async () => {
    const p = pool(1);
    await p.run('SELECT 1', [], soon());
    const order: string[] = [];
    const busy = p.run(nativeCount(2_000_000), [], soon());
    const newer = p.run("SELECT 'newer' AS v", [], soon(20_000)).then(() => order.push('newer'));
    const older = p.run("SELECT 'older' AS v", [], soon(5_000)).then(() => order.push('older'));
    await Promise.all([busy, newer, older]);
    expect(order).toEqual(['older', 'newer']);
  });

  it('a reader that cannot open the file fails its statement, without hanging', async () => {
    const p = pool(1, path.join(dir, 'missing.sqlite'));
    await expect(p.run('SELECT 1', [], soon())).rejects.toThrow(/unable to open|does not exist|cannot open/i);
    await expect(p.run('SELECT 1', [], soon())).rejects.toThrow();
    await p.close();
  });

  it('close fails what waits, waits for every thread, and refuses what comes after', async () => {
    const p = pool(1);
    await p.run('SELECT 1', [], soon());
    const running = expect(p.run(jsCount(1e9), [], soon())).rejects.toThrow(/fermé/);
    const queued = expect(p.run('SELECT 1', [], soon())).rejects.toThrow(/fermé/);
    await new Promise((r) => setTimeout(r, 50));
    expect(p.stats()).toMatchObject({ busy: 1, queued: 1 });
    await p.close();
    await running;
    await queued;
    expect(p.stats()).toEqual({ readers: 0, busy: 0, queued: 0, lingering: 0 });
    await expect(p.run('SELECT 1', [], soon())).rejects.toThrow(/fermé/);
  });
});
