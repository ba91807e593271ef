/**
 * `Content-Disposition: attachment` with the file name twice (RFC 6266): `filename*` in UTF-8
 * (RFC 8187) for browsers that read it, and an ASCII fallback for the others.
 */
function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_');
}

function encodeRfc8187(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Path separators, control characters (NUL, CR, LF…) and bidirectional overrides (which make
 * `facture\u202Ecsv.exe` read as `facture.exe.csv`) never reach the browser's file name.
 */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f/\\\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function attachment(fileName: string): string {
  const safe = fileName.replace(UNSAFE_IN_NAME, '_');
  return `attachment; filename="${asciiFallback(safe)}"; filename*=UTF-8''${encodeRfc8187(safe)}`;
}
