import fs from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import { createDecoder, type EncodingChoice } from './encoding';
import { sniffDialect, type SniffedDialect } from './sniff';

/**
 * Streams a file through its decoder and csv-parse, handing every record, in file order, to a
 * synchronous callback. Records are consumed inside csv-parse's `on_record` hook rather than read
 * from the stream: no per-record stream buffering, and skipped (malformed) records keep their place
 * in the sequence. Back-pressure: `drain()` is awaited between chunks.
 */
export interface CsvSourceHandlers {
  onRecord(record: string[]): void;
  /** A record csv-parse could not read (an unclosed quote, a stray character after a quote). */
  onMalformed(error: { code: string; message: string; line: number }): void;
  /** Awaited before each new chunk is parsed; resolves when the consumer has room. */
  drain(): Promise<void> | null;
  onProgress?(bytesRead: number): void;
}

const SAMPLE_CHARS = 64 * 1024;
const CHUNK_BYTES = 256 * 1024;

export async function readCsv(filePath: string, encoding: EncodingChoice, handlers: CsvSourceHandlers): Promise<SniffedDialect> {
  const decoder = createDecoder(encoding.encoding);
  const input = fs.createReadStream(filePath, { start: encoding.skip, highWaterMark: CHUNK_BYTES });
  let bytesRead = encoding.skip;
  let dialect: SniffedDialect | null = null;
  let parser: ReturnType<typeof parse> | null = null;
  let pending = '';
  let failure: Error | null = null;

  const startParser = (sample: string) => {
    dialect = sniffDialect(sample);
    parser = parse({
      delimiter: dialect.delimiter,
      quote: dialect.quote,
      escape: dialect.quote,
      record_delimiter: dialect.lineTerminator === 'mixed' ? ['\r\n', '\n', '\r'] : [dialect.lineTerminator],
      ltrim: dialect.skipInitialSpace,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_record: (record: string[]) => {
        handlers.onRecord(record);
        return null; // consumed here: nothing is buffered in the stream
      },
      on_skip: (error: CsvError | undefined) => {
        if (error) handlers.onMalformed({ code: error.code, message: error.message, line: (error as CsvError & { lines?: number }).lines ?? 0 });
      },
    });
    parser.on('error', (e) => (failure = e));
    parser.resume();
  };

  for await (const chunk of input as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const text = decoder.write(chunk);
    if (!parser) {
      pending += text;
      if (pending.length < SAMPLE_CHARS) continue;
      startParser(pending);
      feed(parser!, pending);
      pending = '';
    } else {
      feed(parser, text);
    }
    if (failure) throw failure;
    handlers.onProgress?.(bytesRead);
    const wait = handlers.drain();
    if (wait) await wait;
  }
  const rest = decoder.end();
  if (!parser) {
    startParser(pending + rest);
    feed(parser!, pending + rest);
  } else if (rest) {
    feed(parser, rest);
  }
  const p = parser as unknown as ReturnType<typeof parse>;
  await new Promise<void>((resolve, reject) => {
    p.once('end', resolve);
    p.once('error', reject);
    p.end();
  });
  if (failure) throw failure;
  handlers.onProgress?.(bytesRead);
  return dialect!;
}

function feed(parser: ReturnType<typeof parse>, text: string): void {
  if (text) parser.write(text);
}
