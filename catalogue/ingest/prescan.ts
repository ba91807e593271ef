import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';

/**
 * One fast pass over the raw bytes before parsing: size, checksum, byte-order mark, and how the
 * bytes look as UTF-8. Deciding the encoding needs the whole file (a Windows-1252 file may show
 * its first accent after megabytes of ASCII); the parse pass then decodes once, knowing.
 */
export type Bom = 'utf-8' | 'utf-16le' | 'utf-16be' | null;

export interface Prescan {
  bytes: number;
  sha256: string;
  /** For DCAT-AP 2.1.1, whose checksum shape only admits SHA-1. */
  sha1: string;
  bom: Bom;
  /** The first bytes, for sniffing binary formats. */
  head: Buffer;
  /** Well-formed UTF-8 multi-byte sequences seen (0 for a pure ASCII file). */
  utf8Sequences: number;
  /** Bytes that cannot be UTF-8. */
  utf8InvalidBytes: number;
  /** Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in Windows-1252. */
  cp1252UndefinedBytes: number;
  /** NUL bytes: a binary file (outside UTF-16). */
  nulBytes: number;
}

const HEAD_BYTES = 4096;

/**
 * `copyTo`: also writes the bytes to that path in the same pass (the publish keeps the original
 * file under DATA_DIR without reading it twice).
 */
export async function prescanFile(filePath: string, copyTo?: string): Promise<Prescan> {
  const copy = copyTo ? fs.createWriteStream(copyTo, { flags: 'wx' }) : null;
  try {
    const result = await scanStream(filePath, copy);
    if (copy) await new Promise<void>((resolve, reject) => copy.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return result;
  } catch (error) {
    copy?.destroy();
    if (copyTo) fs.rmSync(copyTo, { force: true });
    throw error;
  }
}

async function scanStream(filePath: string, copy: fs.WriteStream | null): Promise<Prescan> {
  const hash = createHash('sha256');
  const sha1 = createHash('sha1');
  const result: Prescan = {
    bytes: 0, sha256: '', sha1: '', bom: null, head: Buffer.alloc(0),
    utf8Sequences: 0, utf8InvalidBytes: 0, cp1252UndefinedBytes: 0, nulBytes: 0,
  };
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sha1.update(chunk);
    if (copy && !copy.write(chunk)) await new Promise<void>((resolve) => copy.once('drain', () => resolve()));
    if (result.bytes === 0) result.bom = detectBom(chunk);
    if (result.head.length < HEAD_BYTES) {
      result.head = Buffer.concat([result.head, chunk.subarray(0, HEAD_BYTES - result.head.length)]);
    }
    result.bytes += chunk.length;
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = lastSequenceStart(data);
    carry = Buffer.from(data.subarray(cut));
    scanBytes(data.subarray(0, cut), result);
  }
  if (carry.length) scanBytes(carry, result);
  result.sha256 = hash.digest('hex');
  result.sha1 = sha1.digest('hex');
  return result;
}

export function detectBom(chunk: Buffer): Bom {
  if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return 'utf-8';
  if (chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
  if (chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
  return null;
}

/** Where the trailing, possibly incomplete, UTF-8 sequence of a chunk starts (kept for the next chunk). */
function lastSequenceStart(data: Buffer): number {
  const end = data.length;
  for (let i = end - 1; i >= Math.max(0, end - 4); i--) {
    const b = data[i];
    if (b < 0x80) return end;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return end - i >= need ? end : i;
    }
  }
  return end;
}

function scanBytes(data: Buffer, out: Prescan): void {
  // Fast path: a valid chunk needs only its multi-byte sequences counted.
  const valid = isUtf8(data);
  const n = data.length;
  let i = 0;
  while (i < n) {
    const b = data[i];
    if (b < 0x80) {
      if (b === 0) out.nulBytes++;
      i++;
      continue;
    }
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) out.cp1252UndefinedBytes++;
    if (valid) {
      out.utf8Sequences++;
      i += b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      continue;
    }
    const len = utf8SequenceLength(data, i);
    if (len > 0) {
      out.utf8Sequences++;
      i += len;
    } else {
      out.utf8InvalidBytes++;
      i++;
    }
  }
}

/** Length of a well-formed UTF-8 sequence at i (RFC 3629: no overlongs, no surrogates), or 0. */
function utf8SequenceLength(d: Buffer, i: number): number {
  const b = d[i];
  const cont = (k: number) => i + k < d.length && (d[i + k] & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const b1 = d[i + 1];
    if (b === 0xe0 && b1 < 0xa0) return 0;
    if (b === 0xed && b1 >= 0xa0) return 0;
    return 3;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const b1 = d[i + 1];
    if (b === 0xf0 && b1 < 0x90) return 0;
    if (b === 0xf4 && b1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}
