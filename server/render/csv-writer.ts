import { stringify } from 'csv-stringify/sync';
import type { RecordsStream } from '../../catalogue/records';
import { csvCell, neutraliseFormula } from './csv-cells';
import type { CsvOptions } from './csv-options';

/**
 * CSV through csv-stringify (quoting, delimiters), a batch of rows at a time so that each call
 * stays small and the whole file never sits in memory. Cells are formatted first (csv-cells.ts).
 */
const ROWS_PER_BATCH = 500;

export async function* csvChunks(stream: RecordsStream, options: CsvOptions): AsyncGenerator<string> {
  const names = stream.fields.map((f) => f.name);
  const format = (rows: unknown[][]) => stringify(rows, { delimiter: options.delimiter, record_delimiter: options.recordDelimiter });
  yield (options.bom ? '\uFEFF' : '') + format([names.map(neutraliseFormula)]);
  let batch: string[][] = [];
  for await (const row of stream.rows) {
    batch.push(names.map((name) => csvCell(row[name], options.decimalComma)));
    if (batch.length >= ROWS_PER_BATCH) {
      yield format(batch);
      batch = [];
    }
  }
  if (batch.length) yield format(batch);
}
