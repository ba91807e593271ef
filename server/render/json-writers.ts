import type { RecordsStream } from '../../catalogue/records';
import { batched } from './pump';

/**
 * JSON array and NDJSON exports: one record object per element or per line, streamed. Records
 * hold the stream's fields only (a stream may carry helper keys, such as reprojected coordinates).
 */
function projector(stream: RecordsStream): (row: Record<string, unknown>) => Record<string, unknown> {
  const names = stream.fields.map((f) => f.name);
  return (row) => Object.fromEntries(names.map((name) => [name, row[name] ?? null]));
}

async function* jsonArrayParts(stream: RecordsStream): AsyncGenerator<string> {
  const project = projector(stream);
  let first = true;
  yield '[';
  for await (const row of stream.rows) {
    yield (first ? '\n' : ',\n') + JSON.stringify(project(row));
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

async function* ndjsonParts(stream: RecordsStream): AsyncGenerator<string> {
  const project = projector(stream);
  for await (const row of stream.rows) yield `${JSON.stringify(project(row))}\n`;
}

export const jsonChunks = (stream: RecordsStream) => batched(jsonArrayParts(stream));
export const ndjsonChunks = (stream: RecordsStream) => batched(ndjsonParts(stream));
