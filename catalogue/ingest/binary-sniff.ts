import type { Prescan } from './prescan';

/**
 * Refuses a file that is not text before a single row is parsed: by its magic number (the first
 * bytes of archives, spreadsheets, documents, images and executables) or by NUL bytes, which no
 * CSV holds outside UTF-16. Archives are never opened, let alone decompressed: a zip or gzip bomb
 * costs one read of its compressed bytes. A spreadsheet's message says how to export it as CSV.
 *
 * An Excel .xlsx or OpenDocument .ods file is a ZIP archive whose first entry names the format
 * (`[Content_Types].xml`, `xl/…`, or `mimetype` followed by the OpenDocument media type): read
 * from the archive's first local header, stored in plain text, without decompressing anything.
 */
export interface BinaryKind {
  kind: string;
  message: string;
}

const EXPORT_AS_CSV = 'Ouvrez-le dans votre tableur et enregistrez-le au format « CSV UTF-8 » (Fichier > Enregistrer sous), puis envoyez ce fichier CSV.';

const MAGIC: Array<{ bytes: number[]; kind: string; label: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'png', label: 'une image PNG' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'jpeg', label: 'une image JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], kind: 'gif', label: 'une image GIF' },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], kind: 'gif', label: 'une image GIF' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf', label: 'un document PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip', label: 'une archive ZIP' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'zip', label: 'une archive ZIP' },
  { bytes: [0x50, 0x4b, 0x07, 0x08], kind: 'zip', label: 'une archive ZIP' },
  { bytes: [0x1f, 0x8b], kind: 'gzip', label: 'une archive gzip' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: 'xz', label: 'une archive xz' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: 'zstd', label: 'une archive zstd' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: '7z', label: 'une archive 7-Zip' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], kind: 'rar', label: 'une archive RAR' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'elf', label: 'un programme exécutable (ELF)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'xls', label: 'un classeur Excel .xls (ou un autre document Office binaire)' },
];

const matches = (head: Buffer, bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/** The format a ZIP archive's first entry announces: an .xlsx or .ods spreadsheet, or a plain archive. */
function zipKind(head: Buffer): BinaryKind {
  // Local file header: the name's length at offset 26, the name itself at offset 30.
  const nameLength = head.length >= 30 ? head.readUInt16LE(26) : 0;
  const name = head.subarray(30, 30 + nameLength).toString('latin1');
  const after = head.subarray(30 + nameLength, 30 + nameLength + 80).toString('latin1');
  if (name === '[Content_Types].xml' || name.startsWith('xl/') || name === 'docProps/app.xml') {
    return { kind: 'xlsx', message: `Le fichier n'est pas un fichier CSV : c'est un classeur Excel (.xlsx). ${EXPORT_AS_CSV}` };
  }
  if (name === 'mimetype' && after.includes('opendocument.spreadsheet')) {
    return { kind: 'ods', message: `Le fichier n'est pas un fichier CSV : c'est un classeur OpenDocument (.ods). ${EXPORT_AS_CSV}` };
  }
  return {
    kind: 'zip',
    message: `Le fichier n'est pas un fichier CSV : c'est une archive ZIP (ou un classeur Excel .xlsx / OpenDocument). Les archives ne sont pas décompressées : envoyez le fichier CSV lui-même. Pour un classeur : ${EXPORT_AS_CSV.charAt(0).toLowerCase()}${EXPORT_AS_CSV.slice(1)}`,
  };
}

/** bzip2's "BZh" + block size + the first block's magic (3.14159…): a text header cannot start so. */
const BZIP2 = /^BZh[1-9]1AY&SY/;

export function detectBinary(scan: Pick<Prescan, 'head' | 'bom' | 'nulBytes'>): BinaryKind | null {
  const bzip2 = BZIP2.test(scan.head.subarray(0, 10).toString('latin1')) ? { kind: 'bzip2', label: 'une archive bzip2' } : undefined;
  const magic = bzip2 ?? MAGIC.find((m) => matches(scan.head, m.bytes));
  if (magic?.kind === 'zip') return zipKind(scan.head);
  if (magic?.kind === 'xls') return { kind: 'xls', message: `Le fichier n'est pas un fichier CSV : c'est ${magic.label}. ${EXPORT_AS_CSV}` };
  if (magic && ['gzip', 'bzip2', 'xz', 'zstd', '7z', 'rar'].includes(magic.kind)) {
    return { kind: magic.kind, message: `Le fichier n'est pas un fichier CSV : c'est ${magic.label}. Les archives ne sont pas décompressées : envoyez le fichier CSV lui-même.` };
  }
  if (magic) return { kind: magic.kind, message: `Le fichier n'est pas un fichier CSV : c'est ${magic.label}. Envoyez les données au format CSV.` };
  if (scan.bom !== 'utf-16le' && scan.bom !== 'utf-16be' && scan.nulBytes > 0) {
    return { kind: 'binary', message: "Le fichier contient des octets nuls : ce n'est pas un fichier texte CSV (un fichier binaire renommé en .csv ?). Envoyez les données au format CSV." };
  }
  return null;
}
