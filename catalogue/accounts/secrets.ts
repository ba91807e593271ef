import { createHash, randomBytes } from 'node:crypto';

/**
 * Long random secrets (API tokens, session ids) are stored as SHA-256 digests: with 256 bits of
 * randomness a fast digest cannot be brute-forced, and it lets the store look a token up by index.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `odt_` + 43 base64url characters (32 random bytes): recognisable in a script or a leak scanner. */
export const TOKEN_PREFIX = 'odt_';

export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function looksLikeApiToken(text: string): boolean {
  return /^odt_[A-Za-z0-9_-]{43}$/.test(text);
}
