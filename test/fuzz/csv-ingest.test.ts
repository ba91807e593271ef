import crypto from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { CatalogueError } from '../../catalogue/errors';
import { ingestFile } from '../../catalogue/ingest/ingest-file';
import { MAX_REPORTED_FINDINGS, type Report } from '../../catalogue/ingest/report-types';
import { compileRowSchema, type CompiledRowSchema } from '../../catalogue/validation/compile-row-schema';
import { readRowSchemaFile } from '../../catalogue/validation/load-schema';
import type { RowSchema } from '../../catalogue/validation/row-schema';
import { communeSchema } from '../support/ingest';
import { retainedHeapBytes } from '../support/retained-heap';
import { describeShared, hasSharedData, sharedPath } from '../support/shared-data';
import { useTempDir, writeTemp } from '../support/temp-files';
import { fuzzRuns, hostileText } from './fuzz-settings';

/**
 * The reader and the whole ingest pipeline on random bytes and on damaged copies of the real
 * files of ../shared/data (byte flips, truncations, inserted quotes, delimiters, NULs and BOMs,
 * duplicated or deleted stretches, a change of encoding): every file ends in a report — valid,
 * or with findings that say where (row, column) and why (code, French message) — and never in
 * an exception, except the contract's CatalogueError('unreadable-file'). A hang would fail the
 * test by its timeout; memory is checked to stay within a generous bound across all the runs.
 */
const tempDir = useTempDir();

/**
 * A hang is one file that never ends: fast-check fails the run whose ingest has not settled after
 * 30 s (a bound for a stuck read, far above what one file of a few dozen kilobytes takes), and
 * reports that input. The whole property may take long on a loaded machine: jest waits for it.
 */
const NO_HANG = { timeout: 30_000 };
const WHOLE_PROPERTY = 15 * 60_000;

const CODES = new Set([
  'encoding-error', 'source-error', 'blank-header', 'duplicate-label', 'missing-label', 'extra-label', 'extra-cell', 'missing-cell',
  'blank-row', 'type-error', 'constraint-error', 'unique-error', 'primary-key-error', 'one-of-required', 'french-siret-value',
  'encoding-fallback', 'schema-import',
]);

/** Runs the pipeline on `bytes`: the report, or null for an unreadable file; anything else thrown fails. */
async function ingestBytes(bytes: Buffer, compiled: CompiledRowSchema): Promise<Report | null> {
  const file = writeTemp(tempDir(), bytes);
  let loaded = 0;
  let nulCells = 0;
  const onRows = (rows: unknown[][]) => {
    loaded += rows.length;
    // PostgreSQL cannot store U+0000 in text: such a cell must never reach the store.
    for (const row of rows) nulCells += row.filter((v) => typeof v === 'string' && v.includes('\0')).length;
  };
  try {
    const { report, rowCount } = await ingestFile(file, compiled, { onRows, batchSize: 500 });
    expect(nulCells).toBe(0);
    expectSaneReport(report, bytes);
    expect(rowCount).toBe(report.stats.rows);
    // A valid file hands every row over; an invalid one may stop handing them at its first error.
    if (report.valid) expect(loaded).toBe(report.stats.rows);
    else expect(loaded).toBeLessThanOrEqual(report.stats.rows);
    return report;
  } catch (error) {
    if (error instanceof CatalogueError && error.code === 'unreadable-file') return null;
    throw error;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function expectSaneReport(report: Report, bytes: Buffer): void {
  expect(report.source).toMatchObject({ bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
  expect(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).toContain(report.dialect.encoding);
  const { stats } = report;
  expect(report.valid).toBe(stats.errors === 0);
  expect(stats.validRows + stats.invalidRows).toBe(stats.rows);
  expect(stats.errors).toBeGreaterThanOrEqual(report.errors.length);
  expect(stats.warnings).toBeGreaterThanOrEqual(report.warnings.length);
  expect(report.errors.length).toBeLessThanOrEqual(MAX_REPORTED_FINDINGS);
  for (const finding of [...report.errors, ...report.warnings]) {
    if (!CODES.has(finding.code)) throw new Error(`unknown finding code ${finding.code}`);
    expect(typeof finding.message).toBe('string');
    expect(finding.message.length).toBeGreaterThan(5);
    if (finding.row !== undefined) {
      expect(Number.isInteger(finding.row)).toBe(true);
      expect(finding.row).toBeGreaterThanOrEqual(1);
    }
    if (finding.column !== undefined) {
      expect(Number.isInteger(finding.column)).toBe(true);
      expect(finding.column).toBeGreaterThanOrEqual(1);
    }
    if (finding.field !== undefined) expect(typeof finding.field).toBe('string');
  }
}

// ---- Damage ------------------------------------------------------------------------------------

const INSERTS = ['"', '""', ',', ';', '\t', '|', '\n', '\r', '\r\n', '\0', '\\u0000', '\uFEFF', '"\n"', ',,,,', ';;;', 'x'.repeat(70_000)]
  .map((t) => Buffer.from(t, 'utf8'))
  .concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xc3]), Buffer.from([0x81, 0x8d, 0x9d]), Buffer.from([0xed, 0xa0, 0x80])]);

type Damage =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; what: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.nat(INSERTS.length - 1) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 2000 }), to: fc.nat() }),
);

function applyDamage(original: Buffer, list: readonly Damage[]): Buffer {
  let bytes = Buffer.from(original);
  for (const d of list) {
    const at = bytes.length === 0 ? 0 : d.at % (bytes.length + 1);
    if (d.kind === 'flip' && bytes.length > 0) bytes[at % bytes.length] ^= 1 << d.bit;
    else if (d.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (d.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), INSERTS[d.what], bytes.subarray(at)]);
    else if (d.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + d.length)]);
    else if (d.kind === 'duplicate') {
      const to = bytes.length === 0 ? 0 : d.to % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, to), bytes.subarray(at, at + d.length), bytes.subarray(to)]);
    }
  }
  return bytes;
}

/** The same text in another encoding (what a spreadsheet's "save as" does), with or without a BOM. */
const ENCODINGS: Array<(text: string) => Buffer> = [
  (t) => Buffer.from(t, 'utf8'),
  (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
  (t) => iconv.encode(t, 'windows-1252'),
  (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(t, 'windows-1252')]),
  (t) => iconv.encode(t, 'utf-16le', { addBOM: true }),
  (t) => iconv.encode(t, 'utf-16be', { addBOM: true }),
  (t) => iconv.encode(t, 'utf-16le'),
  (t) => iconv.encode(t, 'latin1'),
];

// ---- Corpus: the real files, each with the schema it is validated against ----------------------

/** A file's first bytes: whole files are read by the conformance tests; damage needs many quick runs. */
const HEAD_BYTES = 12 * 1024;

const geoSchema: RowSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, nom: { type: 'string' }, geometry: { type: 'object' } },
  'x-geo': { geometry: 'geometry' },
};

function corpus(): Array<{ name: string; bytes: Buffer; compiled: CompiledRowSchema }> {
  const schema = (name: string) => compileRowSchema(readRowSchemaFile(sharedPath('schemas', name, 'schema.json')).schema);
  const subventions = fs.readdirSync(sharedPath('files/subventions-2018-collectivites')).map((f) => [`files/subventions-2018-collectivites/${f}`, schema('scdl-subventions')] as const);
  const entries: Array<readonly [string, CompiledRowSchema]> = [
    ['files/validata-fixtures/irve-driveco-201215.csv', schema('irve-v1')],
    ['files/validata-fixtures/irve_accent_valide.csv', schema('irve-v1')],
    ['files/validata-fixtures/sample_with_bom.csv', schema('arbres')],
    ['files/validata-fixtures/mini-menus-collectifs_invalide.utf-16.csv', schema('scdl-menus-collectifs')],
    ...subventions,
    ['files/communes/codesinseecommunesgeolocalisees.csv', compileRowSchema(communeSchema)],
    ['files/codes-postaux/laposte_hexasmal-2022-lat-lon.csv', compileRowSchema(communeSchema)],
    ['files/cog-2026-decoupage-administratif/epci-27.json', compileRowSchema(communeSchema)],
    ['geo/cantons-27-eure.geojson', compileRowSchema(geoSchema)],
  ];
  return entries.map(([name, compiled]) => {
    const whole = fs.readFileSync(sharedPath(name));
    // GeoJSON is read whole: a cut one is only a truncation, which the damage already makes.
    return { name, bytes: name.endsWith('.geojson') ? whole : whole.subarray(0, HEAD_BYTES), compiled };
  });
}

describe('ingest: random bytes', () => {
  it('any bytes give a report (or unreadable-file), never another exception', async () => {
    const compiled = compileRowSchema(communeSchema);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.string({ unit: 'binary', maxLength: 2000 }).map((t) => new TextEncoder().encode(t)),
      fc.array(fc.constantFrom('"', ',', ';', '\n', '\r\n', 'code_insee', 'commune', '27229', 'Évreux', '', ' ', '\t', '{', '[', '}'), { maxLength: 300 })
        .map((parts) => new TextEncoder().encode(parts.join(''))),
    );
    await fc.assert(fc.asyncProperty(bytes, async (b) => void (await ingestBytes(Buffer.from(b), compiled))), fuzzRuns(150, NO_HANG));
  }, WHOLE_PROPERTY);
});

describeShared('ingest: damaged copies of the real files of ../shared/data', () => {
  const files = hasSharedData ? corpus() : [];
  const pick = fc.nat(Math.max(files.length - 1, 0));
  let heapAtStart = 0;
  beforeAll(() => {
    heapAtStart = retainedHeapBytes();
  });

  it('each file, undamaged, gives a sane report', async () => {
    for (const file of files) expect(await ingestBytes(file.bytes, file.compiled)).not.toBeNull();
  });

  it('byte flips, truncations, insertions, deletions and duplications give a report', async () => {
    await fc.assert(fc.asyncProperty(pick, fc.array(damage, { minLength: 1, maxLength: 8 }), async (i, list) => {
      await ingestBytes(applyDamage(files[i].bytes, list), files[i].compiled);
    }), fuzzRuns(150, NO_HANG));
  }, WHOLE_PROPERTY);

  it('a change of encoding, then damage, gives a report naming an encoding it supports', async () => {
    await fc.assert(fc.asyncProperty(pick, fc.nat(ENCODINGS.length - 1), fc.array(damage, { maxLength: 3 }), async (i, e, list) => {
      const text = iconv.decode(files[i].bytes, files[i].name.includes('utf-16') ? 'utf-16' : 'utf8');
      await ingestBytes(applyDamage(ENCODINGS[e](text), list), files[i].compiled);
    }), fuzzRuns(80, NO_HANG));
  }, WHOLE_PROPERTY);

  it('hostile text put in a cell of a valid file, in any encoding, gives a report and never a NUL cell to the store', async () => {
    // Files that are valid against their schema, so that rows do reach onRows.
    const valid = files.filter((f) => /irve_accent_valide|sample_with_bom|geojson/.test(f.name));
    expect(valid).toHaveLength(3);
    await fc.assert(fc.asyncProperty(fc.nat(valid.length - 1), fc.nat(), hostileText(12), fc.nat(ENCODINGS.length - 1), async (i, at, inserted, e) => {
      const text = iconv.decode(valid[i].bytes, 'utf8');
      // Right after a delimiter or a GeoJSON property's opening quote: inside a cell.
      const starts = [...text.matchAll(/[;,]|": "|":"/g)].map((m) => m.index + m[0].length);
      const cut = starts[at % starts.length];
      const escaped = valid[i].name.endsWith('.geojson') ? JSON.stringify(inserted).slice(1, -1) : inserted;
      await ingestBytes(ENCODINGS[e](text.slice(0, cut) + escaped + text.slice(cut)), valid[i].compiled);
    }), fuzzRuns(120, NO_HANG));
  }, WHOLE_PROPERTY);

  it('memory stays bounded across all the runs', () => {
    // A bound, not a measurement: a leak of the files' contents run after run (hundreds of
    // copies of up to 600 KB) would pass it by far. Measured after a full collection, so that
    // garbage not yet collected does not count.
    const growth = retainedHeapBytes() - heapAtStart;
    expect(growth).toBeLessThan(256 * 1024 * 1024);
  });
});
