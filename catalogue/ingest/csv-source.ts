import fs from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import { createDecoder, type EncodingChoice } from './encoding';
import { sniffDialect, type SniffedDialect } from './sniff';

/**
 * Streams a file through its decoder and csv-parse, handing every record, in file order, to a
 * synchronous callback. Records are read from the parser right after each chunk is written (the
 * parser works synchronously, so they are all there); skipped (malformed) records keep their place
 * in the sequence because csv-parse reports them synchronously with its count of records so far.
 * Not csv-parse's `on_record` hook: it builds a context object for every record, which measured
 * ~1.2 µs a record, about a third of the parse (bench/ingest.ts). Back-pressure: `drain()` is
 * awaited between chunks.
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
  // A file the prescan found to be valid UTF-8 throughout goes to csv-parse as bytes: decoding it
  // to text only for csv-parse to encode it back cost ~0.2 µs a row. Text is decoded for the sniffing
  // sample only. Same bytes either way, so the same records.
  const raw = encoding.encoding === 'utf-8' && !encoding.expectSubstitutions;
  let pendingBytes: Buffer[] = [];
  /** Malformed records, each with the number of good records csv-parse had counted before it. */
  const skipped: Array<{ after: number; error: { code: string; message: string; line: number } }> = [];
  let delivered = 0;

  /** Hands over the records waiting in the parser, and the malformed ones in their place among them. */
  const deliver = () => {
    const p = parser!;
    let record: string[] | null;
    while ((record = p.read() as string[] | null) !== null) {
      while (skipped.length && skipped[0].after <= delivered) handlers.onMalformed(skipped.shift()!.error);
      delivered++;
      handlers.onRecord(record);
    }
    while (skipped.length && skipped[0].after <= delivered) handlers.onMalformed(skipped.shift()!.error);
  };

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
      on_skip: (error: CsvError | undefined) => {
        // Records csv-parse counted so far are all in its buffer, ahead of this one.
        if (error) skipped.push({ after: parser!.info.records, error: { code: error.code, message: error.message, line: (error as CsvError & { lines?: number }).lines ?? 0 } });
      },
    });
    parser.on('error', (e) => (failure = e));
    // Records the parser makes on its own (at the end, when flushed) are handed over from here.
    parser.on('readable', deliver);
  };

  for await (const chunk of input as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    if (!parser) {
      pending += decoder.write(chunk);
      if (raw) pendingBytes.push(chunk);
      if (pending.length < SAMPLE_CHARS) continue;
      startParser(pending);
      feed(parser!, raw ? Buffer.concat(pendingBytes) : pending);
      pending = '';
      pendingBytes = [];
    } else {
      feed(parser, raw ? chunk : decoder.write(chunk));
    }
    deliver();
    if (failure) throw failure;
    handlers.onProgress?.(bytesRead);
    const wait = handlers.drain();
    if (wait) await wait;
  }
  if (!parser) {
    const text = pending + decoder.end();
    startParser(text);
    feed(parser!, raw ? Buffer.concat(pendingBytes) : text);
  } else if (!raw) {
    feed(parser, decoder.end());
  }
  deliver();
  const p = parser as unknown as ReturnType<typeof parse>;
  await new Promise<void>((resolve, reject) => {
    p.once('end', resolve);
    p.once('error', reject);
    p.end();
  });
  deliver();
  if (failure) throw failure;
  handlers.onProgress?.(bytesRead);
  return dialect!;
}

function feed(parser: ReturnType<typeof parse>, data: string | Buffer): void {
  if (data.length) parser.write(data);
}
