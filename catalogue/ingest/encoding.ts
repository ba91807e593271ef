import iconv from 'iconv-lite';
import type { Encoding } from './report-types';
import type { Prescan } from './prescan';

/**
 * Chooses how to decode a file (contract: strict UTF-8, else Windows-1252, UTF-16 by its BOM) and
 * decodes it chunk by chunk. Invalid input is never turned into plausible text silently: the
 * decoder substitutes U+FFFD and counts it, and the rows holding a substitution get an
 * `encoding-error`.
 */
export interface EncodingChoice {
  encoding: Encoding;
  bom: boolean;
  /** Bytes to skip at the start (the BOM). */
  skip: number;
  /** Set when the bytes contradict the BOM or are not UTF-8: the report tells the steward. */
  note?: 'bom-not-utf8' | 'not-utf8';
  /** The prescan found bytes this encoding cannot represent: look for substitutions in rows. */
  expectSubstitutions: boolean;
}

export function chooseEncoding(scan: Prescan): EncodingChoice {
  if (scan.bom === 'utf-16le' || scan.bom === 'utf-16be') {
    return { encoding: scan.bom, bom: true, skip: 2, expectSubstitutions: true };
  }
  const hasBom = scan.bom === 'utf-8';
  if (scan.utf8InvalidBytes === 0) {
    return { encoding: 'utf-8', bom: hasBom, skip: hasBom ? 3 : 0, expectSubstitutions: false };
  }
  // Some bytes are not UTF-8. A file that is mostly well-formed UTF-8 with a few bad bytes is a
  // damaged UTF-8 file (decoding it as Windows-1252 would garble every accent): report the bad
  // rows. A file with no or few UTF-8 sequences is Windows-1252, whatever its BOM says.
  if (scan.utf8Sequences > scan.utf8InvalidBytes) {
    return { encoding: 'utf-8', bom: hasBom, skip: hasBom ? 3 : 0, expectSubstitutions: true };
  }
  return {
    encoding: 'windows-1252',
    bom: hasBom,
    skip: hasBom ? 3 : 0,
    note: hasBom ? 'bom-not-utf8' : 'not-utf8',
    expectSubstitutions: scan.cp1252UndefinedBytes > 0,
  };
}

export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

export function createDecoder(encoding: Encoding): ChunkDecoder {
  if (encoding === 'windows-1252') {
    // Node's TextDecoder treats windows-1252 as Latin-1 (0x80 is not €); iconv-lite maps it right.
    const d = iconv.getDecoder('windows-1252');
    return { write: (c) => d.write(c), end: () => d.end() ?? '' };
  }
  const d = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
}

/** A substitution made by the decoder, or a lone surrogate left by a broken UTF-16 file. */
export const SUBSTITUTION = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
