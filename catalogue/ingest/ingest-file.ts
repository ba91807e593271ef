import path from 'node:path';
import type { CompiledRowSchema } from '../validation/compile-row-schema';
import { TableProfiler, type ColumnProfile } from './column-profile';
import { readCsv } from './csv-source';
import { detectBinary } from './binary-sniff';
import { chooseEncoding, type EncodingChoice } from './encoding';
import { readGeoJson, startsLikeJson } from './geojson-source';
import { mapHeader, type HeaderMapping } from './header-mapping';
import { KeyIndex } from './key-index';
import { prescanFile, type Prescan } from './prescan';
import { RecordChecker } from './record-checker';
import { ReportBuilder } from './report-builder';
import type { Dialect, Report } from './report-types';

/**
 * The ingestion pipeline for one file: prescan (size, checksum, encoding evidence) → decode →
 * sniff → csv-parse → header mapping → per-record checks → typed rows in batches to `onRows`,
 * with the column profile computed on the way. Memory does not grow with the file: nothing but
 * the current batch is held, and keys go to an on-disk index.
 *
 * A file whose first character is `{` is GeoJSON (geojson-source.ts): its features become the
 * records, and everything after the parse is the same.
 */
export interface IngestOptions {
  /** Name shown in the report (default: the file's base name). */
  sourceName?: string;
  /** Receives typed rows (schema column order) while the file is still valid; awaited for back-pressure. */
  onRows?: (rows: unknown[][]) => void | Promise<void>;
  batchSize?: number;
  onProgress?: (progress: { bytes: number; totalBytes: number; rows: number }) => void;
  /** Compute column profiles (default true when onRows is given). */
  profile?: boolean;
  /** The file's prescan when the caller already made it (publish does, while storing the original). */
  prescan?: Prescan;
}

export interface IngestResult {
  report: Report;
  profile: ColumnProfile[] | null;
  /** Data rows read (the report's stats.rows). */
  rowCount: number;
}

const DEFAULT_BATCH = 2000;

export async function ingestFile(filePath: string, compiled: CompiledRowSchema, options: IngestOptions = {}): Promise<IngestResult> {
  const scan = options.prescan ?? (await prescanFile(filePath));
  const report = new ReportBuilder();
  const source = { name: options.sourceName ?? path.basename(filePath), bytes: scan.bytes, sha256: scan.sha256 };
  const choice = chooseEncoding(scan);
  const dialect: Dialect = {
    encoding: choice.encoding, bom: choice.bom, delimiter: ',', quote: '"', lineTerminator: '\n',
    decimalSeparator: compiled.columns.some((c) => c.kind === 'number' && c.decimalChar === ',') ? ',' : '.',
    header: [],
  };
  const refuse = (finding: Parameters<ReportBuilder['error']>[0]): IngestResult => {
    report.error(finding);
    return { report: report.build({ source, dialect, rows: 0 }), profile: null, rowCount: 0 };
  };
  if (scan.bytes === 0) return refuse({ code: 'source-error', message: 'Le fichier est vide.' });
  const binary = detectBinary(scan);
  if (binary) return refuse({ code: 'encoding-error', message: binary.message });
  noteEncoding(choice, report);

  const run = new RecordRun(compiled, report, choice, options);
  const geojson = await startsLikeJson(filePath, choice);
  try {
    const common = {
      onRecord: (record: string[]) => run.onRecord(record),
      drain: () => run.flushIfFull(),
      onProgress: (bytes: number) => options.onProgress?.({ bytes, totalBytes: scan.bytes, rows: run.rows }),
    };
    const sniffed = geojson
      ? await readGeoJson(filePath, choice, scan.bytes, { ...common, onSourceError: (message, row) => run.onSourceError(message, row) })
      : await readCsv(filePath, choice, { ...common, onMalformed: (e) => run.onMalformed(e) });
    await run.finish();
    Object.assign(dialect, {
      delimiter: sniffed.delimiter, quote: sniffed.quote, lineTerminator: sniffed.lineTerminator, header: run.header ?? [],
    });
  } finally {
    run.close();
  }
  if (run.header === null) {
    // A GeoJSON file refused as a whole has already said why.
    if (!(geojson && report.hasErrors)) report.error({ code: 'source-error', message: "Le fichier ne contient aucune ligne d'en-tête." });
  } else if (run.rows === 0) report.warning({ code: 'source-error', message: "Le fichier ne contient que l'en-tête : aucune ligne de données." });
  return {
    report: report.build({ source, dialect, rows: run.rows }),
    profile: run.profile(),
    rowCount: run.rows,
  };
}

function noteEncoding(choice: EncodingChoice, report: ReportBuilder): void {
  if (choice.note === 'bom-not-utf8') {
    report.warning({ code: 'encoding-fallback', message: "Le fichier commence par une marque UTF-8 (BOM) mais son contenu est en Windows-1252 : il a été lu en Windows-1252. Enregistrez-le en UTF-8." });
  } else if (choice.note === 'not-utf8') {
    report.warning({ code: 'encoding-fallback', message: "Le fichier n'est pas en UTF-8 : il a été lu en Windows-1252. Enregistrez-le en UTF-8 de préférence." });
  }
}

/** The state of one pass over the records: header, row counter, current batch, checker. */
class RecordRun {
  header: string[] | null = null;
  rows = 0;
  private headerRow = 0;
  private checker: RecordChecker | null = null;
  private keys: KeyIndex | null = null;
  private batch: unknown[][] = [];
  private readonly batchSize: number;
  private readonly profiler: TableProfiler | null;

  constructor(
    private readonly compiled: CompiledRowSchema,
    private readonly report: ReportBuilder,
    private readonly choice: EncodingChoice,
    private readonly options: IngestOptions,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    const wantProfile = options.profile ?? Boolean(options.onRows);
    this.profiler = wantProfile ? new TableProfiler(compiled.columns) : null;
  }

  onRecord(record: string[]): void {
    if (this.header === null) {
      this.headerRow++;
      if (record.every((c) => c.trim() === '')) return; // blank lines before the header
      this.startBody(record);
      return;
    }
    this.rows++;
    const row = this.headerRow + this.rows;
    const values = this.checker!.check(record, row);
    if (values && !this.report.hasErrors) {
      this.profiler?.addRow(values);
      if (this.options.onRows) this.batch.push(values);
    } else if (this.batch.length) {
      this.batch = []; // the file is invalid: nothing more goes to the store
    }
  }

  onMalformed(e: { code: string; message: string; line: number }): void {
    if (this.header === null) this.headerRow++;
    else this.rows++;
    const row = this.header === null ? this.headerRow : this.headerRow + this.rows;
    const message = e.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `Un guillemet ouvert ligne ${row} n'est jamais fermé : la fin du fichier ne peut pas être lue.`
      : `La ligne ${row} est mal formée (${e.code}) : vérifiez les guillemets autour de la ligne ${e.line} du fichier.`;
    this.report.error({ code: 'source-error', row, message });
  }

  /** GeoJSON: the file cannot be read (no `row`), or one feature is not a Feature (counted as a record). */
  onSourceError(message: string, row?: number): void {
    if (row === undefined) {
      this.report.error({ code: 'source-error', message });
      return;
    }
    this.rows++;
    this.report.error({ code: 'source-error', row, message });
    this.batch = [];
  }

  private startBody(labels: string[]): void {
    this.header = labels;
    if (this.headerRow === 1 && labels.length) labels[0] = labels[0].replace(/^\uFEFF/, '');
    const mapping: HeaderMapping = mapHeader(labels, this.compiled.columns, this.compiled.schema.additionalProperties !== false);
    for (const f of mapping.findings.errors) this.report.error({ ...f, row: this.headerRow });
    for (const f of mapping.findings.warnings) this.report.warning({ ...f, row: this.headerRow });
    const keySets = (this.compiled.primaryKey.length ? 1 : 0) + this.compiled.uniqueKeys.length;
    this.keys = keySets > 0 ? new KeyIndex(keySets) : null;
    this.checker = new RecordChecker(this.compiled, labels, mapping, this.report, this.keys, this.choice.expectSubstitutions);
  }

  flushIfFull(): Promise<void> | null {
    if (this.batch.length < this.batchSize || !this.options.onRows) return null;
    const rows = this.batch;
    this.batch = [];
    const result = this.options.onRows(rows);
    return result instanceof Promise ? result : null;
  }

  async finish(): Promise<void> {
    if (this.batch.length && this.options.onRows && !this.report.hasErrors) await this.options.onRows(this.batch);
    this.batch = [];
  }

  profile(): ColumnProfile[] | null {
    return this.profiler && !this.report.hasErrors ? this.profiler.result() : null;
  }

  close(): void {
    this.keys?.close();
  }
}
