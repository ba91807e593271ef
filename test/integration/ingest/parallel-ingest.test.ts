import { Worker } from 'node:worker_threads';
import { ingestFile, type IngestOptions } from '../../../catalogue/ingest/ingest-file';
import {
  decodeRows, encodeRows, ingestFileParallel, parallelIngestAvailable, superviseIngestWorker,
} from '../../../catalogue/ingest/parallel-ingest';
import { compileRowSchema } from '../../../catalogue/validation/compile-row-schema';
import type { RowSchema } from '../../../catalogue/validation/row-schema';
import { communeSchema } from '../../support/ingest';
import { useTempDir, writeTemp } from '../../support/temp-files';

/**
 * ingestFileParallel runs ingestFile in a worker thread (from these TypeScript sources, through
 * its @swc/core bootstrap): it must give what ingestFile gives, row for row.
 */
const tmp = useTempDir();
/** The test files are small: the worker is used whatever their size. */
const inWorker: typeof ingestFile = (file, compiled, options) => ingestFileParallel(file, compiled, options, { minBytes: 0 });
const HEADER = 'code_insee,commune,population,superficie,chef_lieu,maj\n';

function communeRows(count: number, bad: (i: number) => string | null = () => null): string {
  let text = HEADER;
  for (let i = 0; i < count; i++) {
    text += bad(i) ?? `${27000 + i},"Commune ${i}, Eure",${i * 7},"${i % 90},${i % 10}",${i % 2 ? 'oui' : 'non'},2024-0${1 + (i % 9)}-1${i % 10}\n`;
  }
  return text;
}

async function both(content: string | Buffer, schema: RowSchema = communeSchema, options: IngestOptions = {}) {
  const file = writeTemp(tmp(), content);
  const compiled = compileRowSchema(schema);
  const run = async (ingest: typeof ingestFile) => {
    const rows: unknown[][] = [];
    const batches: number[] = [];
    const result = await ingest(file, compiled, {
      ...options,
      onRows: (batch) => {
        batches.push(batch.length);
        rows.push(...batch);
      },
    });
    return { result, rows, batches };
  };
  return { single: await run(ingestFile), parallel: await run(inWorker) };
}

describe('ingestFileParallel', () => {
  it('runs in a worker thread here (the TypeScript bootstrap is available)', () => {
    expect(parallelIngestAvailable()).toBe(true);
  });

  it('a valid file: same report, profile, row count and rows as ingestFile, in batches', async () => {
    const { single, parallel } = await both(communeRows(12_000), communeSchema, { batchSize: 500 });
    expect(parallel.result).toEqual(single.result);
    expect(parallel.result.report.valid).toBe(true);
    expect(parallel.result.profile).not.toBeNull();
    expect(parallel.rows).toEqual(single.rows);
    expect(parallel.rows).toHaveLength(12_000);
    expect(parallel.batches).toEqual(single.batches);
  });

  it('an invalid file: same findings, nothing more loaded after the first error, no profile', async () => {
    const content = communeRows(8000, (i) => (i === 5000 ? '2A999,Ajaccio,x,"1,0",oui,2024-13-01\n' : i === 7000 ? '27001,Clé répétée,1,"1,0",non,2024-01-01\n' : null));
    const { single, parallel } = await both(content, communeSchema, { batchSize: 300 });
    expect(parallel.result).toEqual(single.result);
    expect(parallel.result.report.valid).toBe(false);
    expect(parallel.result.report.errors.map((e) => e.code)).toEqual(['type-error', 'type-error', 'primary-key-error']);
    expect(parallel.result.profile).toBeNull();
    expect(parallel.rows).toEqual(single.rows);
  });

  it('files refused before parsing, empty or header-only, and Windows-1252 text', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const latin1 = Buffer.from('code_insee;commune\n27229;\xc9vreux\n27056;Bernay\n', 'latin1');
    for (const content of ['', HEADER, png, latin1]) {
      const { single, parallel } = await both(content);
      expect(parallel.result).toEqual(single.result);
      expect(parallel.rows).toEqual(single.rows);
    }
  });

  it('every kind of value crosses the thread unchanged', async () => {
    const schema: RowSchema = {
      type: 'object',
      properties: {
        n: { type: 'number' }, i: { type: 'integer' }, b: { type: 'boolean' }, t: { type: 'string' },
        d: { type: 'string', format: 'date-time' }, j: { type: 'object' },
      },
    };
    const content = 'n,i,b,t,d,j\n'
      + '-0,-0,vrai,"",2024-01-02T03:04:05+0200,"{""a"":[1,2]}"\n'
      + 'NaN,9007199254740991,faux,"é😀\u00a0""q""",2024-01-02 03:04,"{}"\n'
      + 'INF,,,texte,,\n'
      + '1e-7,12,1,"multi\nligne",2024-01-02T03:04:05Z,\n';
    const { single, parallel } = await both(content, schema);
    expect(parallel.result).toEqual(single.result);
    expect(parallel.rows).toEqual(single.rows);
    expect(Object.is(parallel.rows[0][0], -0)).toBe(true);
    expect(parallel.rows[1][0]).toBeNaN();
  });

  it('passes the caller’s prescan and source name, and forwards progress', async () => {
    const file = writeTemp(tmp(), communeRows(3000));
    const { prescanFile } = await import('../../../catalogue/ingest/prescan');
    const prescan = await prescanFile(file);
    const progress: number[] = [];
    const result = await inWorker(file, compileRowSchema(communeSchema), {
      prescan, sourceName: 'communes.csv', onRows: () => undefined, onProgress: (p) => progress.push(p.bytes),
    });
    expect(result.report.source).toEqual({ name: 'communes.csv', bytes: prescan.bytes, sha256: prescan.sha256 });
    expect(progress.at(-1)).toBe(prescan.bytes);
  });

  it('without onRows: the report and the profile, as ingestFile gives them', async () => {
    const file = writeTemp(tmp(), communeRows(2000));
    const compiled = compileRowSchema(communeSchema);
    const single = await ingestFile(file, compiled, { profile: true });
    const parallel = await inWorker(file, compiled, { profile: true });
    expect(parallel).toEqual(single);
  });

  it('a small file is ingested in this thread (a worker would not pay), with the same result', async () => {
    const file = writeTemp(tmp(), communeRows(100));
    const compiled = compileRowSchema(communeSchema);
    const rows: unknown[][] = [];
    const result = await ingestFileParallel(file, compiled, { onRows: (batch) => void rows.push(...batch) });
    expect(result).toEqual(await ingestFile(file, compiled, { onRows: () => undefined }));
    expect(rows).toHaveLength(100);
  });

  it('a file that cannot be read rejects with the same error', async () => {
    const compiled = compileRowSchema(communeSchema);
    const missing = `${tmp()}/absent.csv`;
    const expected = await ingestFile(missing, compiled).catch((e: NodeJS.ErrnoException) => e);
    const error = await inWorker(missing, compiled, { onRows: () => undefined }).catch((e: NodeJS.ErrnoException) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ message: (expected as Error).message, code: 'ENOENT' });
  });

  it('a failing onRows stops the worker and rejects with that failure', async () => {
    const file = writeTemp(tmp(), communeRows(60_000));
    let calls = 0;
    const error = await inWorker(file, compileRowSchema(communeSchema), {
      batchSize: 1000,
      onRows: async () => {
        if (++calls === 2) throw new Error('disque plein');
      },
    }).catch((e: Error) => e);
    expect(error).toEqual(new Error('disque plein'));
    // No third batch was handed over: the worker was stopped at the failure.
    expect(calls).toBe(2);
  });
});

describe('the supervisor never hangs on a failing worker', () => {
  it('a worker that exits without a result', async () => {
    await expect(superviseIngestWorker(new Worker('process.exit(3)', { eval: true }), {}))
      .rejects.toThrow(/code 3/);
  });

  it('a worker that throws', async () => {
    await expect(superviseIngestWorker(new Worker("setTimeout(() => { throw new Error('panne'); })", { eval: true }), {}))
      .rejects.toThrow('panne');
  });

  it('a worker that dies after sending rows: the rows are handed over, then the promise rejects', async () => {
    const rows: unknown[][] = [];
    const code = `
      const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ type: 'rows-cloned', rows: [[1, 'a'], [2, 'b']] });
      setTimeout(() => process.exit(9), 50);`;
    await expect(superviseIngestWorker(new Worker(code, { eval: true }), { onRows: (r) => void rows.push(...r) }))
      .rejects.toThrow(/code 9/);
    expect(rows).toEqual([[1, 'a'], [2, 'b']]);
  });

  it('a CatalogueError from the worker keeps its class, code and details', async () => {
    const code = `
      const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ type: 'error', error: { name: 'CatalogueError', message: 'Schéma invalide', props: { code: 'bad-schema', details: [{ message: 'x' }] } } });`;
    const error = await superviseIngestWorker(new Worker(code, { eval: true }), {}).catch((e: unknown) => e);
    const { CatalogueError } = await import('../../../catalogue/errors');
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error).toMatchObject({ code: 'bad-schema', message: 'Schéma invalide', details: [{ message: 'x' }] });
  });
});

describe('the row batch codec', () => {
  it('round-trips every value a converter makes', () => {
    const rows = [
      [1, -0, NaN, Infinity, -1.5e-7, 'é😀', '', null, true, false],
      [2, 9007199254740991, 0.1, -Infinity, 3, 'a'.repeat(70_000), '\ud800', null, false, true],
    ];
    const decoded = decodeRows(encodeRows(rows)!);
    expect(decoded).toEqual(rows);
    expect(Object.is(decoded[0][1], -0)).toBe(true);
  });

  it('declines what it cannot carry (then the rows are cloned)', () => {
    expect(encodeRows([[{ a: 1 }]])).toBeNull();
    expect(encodeRows([[1, 2], [3]])).toBeNull();
  });
});
