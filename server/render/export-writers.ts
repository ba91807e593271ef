import type { RecordsStream } from '../../catalogue/records';
import { csvChunks } from './csv-writer';
import type { CsvOptions } from './csv-options';
import { geojsonChunks } from './geojson-writer';
import { jsonChunks, ndjsonChunks } from './json-writers';

/**
 * Format → writer (architecture point 2: one data function, many renderers; a map, not copied
 * branches). Each writer turns a records stream into chunks of text; pump.ts sends them.
 */
export interface ExportWriter {
  extension: string;
  contentType: string;
  /** Needs coordinates or a geometry (the route answers 400 otherwise). */
  needsGeo: boolean;
  chunks(stream: RecordsStream, options: WriterOptions): AsyncIterable<string>;
}

export interface WriterOptions {
  csv: CsvOptions;
  /** The columns the client selected, when the stream carries more (location columns for GeoJSON). */
  selected?: readonly string[];
}

export const EXPORT_WRITERS = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present', needsGeo: false, chunks: (s, o) => csvChunks(s, o.csv) },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8', needsGeo: false, chunks: (s) => jsonChunks(s) },
  ndjson: { extension: 'ndjson', contentType: 'application/x-ndjson; charset=utf-8', needsGeo: false, chunks: (s) => ndjsonChunks(s) },
  geojson: { extension: 'geojson', contentType: 'application/geo+json; charset=utf-8', needsGeo: true, chunks: (s, o) => geojsonChunks(s, o.selected) },
} satisfies Record<string, ExportWriter>;

export type ExportFormat = keyof typeof EXPORT_WRITERS;

export const EXPORT_FORMATS = Object.keys(EXPORT_WRITERS) as ExportFormat[];

export function isExportFormat(format: string): format is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORT_WRITERS, format);
}
