import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../catalogue/config';

/**
 * The secret that signs session cookies and CSRF tokens. SESSION_SECRET when set (what several
 * servers sharing one PostgreSQL store must do: they must all sign alike). When absent, a random
 * secret is generated once and kept in DATA_DIR/session-secret (mode 0600), so that sessions,
 * which live in the store, survive a restart on a single server; a warning says so. A secret kept
 * only in memory would log every steward out at each restart, for no gain in safety.
 */
export const SECRET_FILE = 'session-secret';
const MIN_LENGTH = 32;

const warned = new Set<string>();

function warnOnce(key: string, message: string, warn: (message: string) => void): void {
  if (warned.has(key)) return;
  warned.add(key);
  warn(message);
}

function readSecret(file: string): string | null {
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    return text.length >= MIN_LENGTH ? text : null;
  } catch {
    return null;
  }
}

export function resolveSessionSecret(config: Pick<Config, 'sessionSecret' | 'dataDir'>, warn: (message: string) => void = (m) => console.warn(m)): string {
  if (config.sessionSecret) {
    if (config.sessionSecret.length < MIN_LENGTH) {
      warnOnce('short', `[avertissement] SESSION_SECRET est court (${config.sessionSecret.length} caractères) : 32 au moins sont conseillés.`, warn);
    }
    return config.sessionSecret;
  }
  const file = path.resolve(config.dataDir, SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': two processes starting together keep the first one's secret.
    fs.writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readSecret(file) ?? secret;
  }
  warnOnce(file, `[avertissement] SESSION_SECRET absent : un secret aléatoire a été créé dans ${file}. ` +
    'Définissez SESSION_SECRET (le même sur chaque serveur) si plusieurs serveurs partagent la base.', warn);
  return secret;
}
