import { CONTROL_BIDI_OR_SEPARATOR } from './unsafe-name-chars';

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

/** Path separators, control characters and bidirectional overrides never reach the browser's file name. */
export function attachment(fileName: string): string {
  const safe = fileName.replace(CONTROL_BIDI_OR_SEPARATOR, '_');
  return `attachment; filename="${asciiFallback(safe)}"; filename*=UTF-8''${encodeRfc8187(safe)}`;
}
