import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../../catalogue/config';

/**
 * The platform's structured log: one JSON line per event (pino), at the level LOG_LEVEL gives.
 * What must never reach a log file is masked twice over:
 * - by path (pino's `redact`): cookies, authorization and CSRF headers, set-cookie, and any field
 *   named like a password, a token or a CSRF token, wherever a logged object carries them;
 * - by pattern, on the finished line (`hooks.streamWrite`): e-mail addresses, plain or
 *   URL-encoded, wherever they appear (a query string, an error message, a stack), since `redact`
 *   only knows paths and an address can hide inside any string;
 * and the values of credential-like query parameters in a logged URL.
 * Under jest (NODE_ENV=test) the log is silent unless a test passes its own destination, so that
 * test output stays readable.
 */
export type { Logger } from 'pino';

export const MASK = '[masqué]';

const SECRET_FIELDS = ['password', 'newPassword', 'currentPassword', 'token', 'accessToken', 'refreshToken', 'csrf', 'csrfToken', '_csrf', 'secret', 'sessionSecret'];

export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];

/** local@domain.tld, with `@` as is or URL-encoded (`%40`, as in `?email=alice%40example.fr`). */
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export function maskEmails(text: string): string {
  return text.replace(EMAIL, MASK);
}

const SECRET_QUERY = /([?&](?:token|access_token|password|csrf|_csrf|secret|session)=)[^&#]*/gi;

/** A URL as it may be logged: values of credential-like query parameters masked. */
export function maskUrl(url: string): string {
  return url.replace(SECRET_QUERY, `$1${MASK}`);
}

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const silentUnderTests = destination === undefined && process.env.NODE_ENV === 'test';
  const options: pino.LoggerOptions = {
    level: silentUnderTests ? 'silent' : config.logLevel,
    base: { pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: MASK },
    hooks: { streamWrite: maskEmails },
  };
  return destination ? pino(options, destination) : pino(options);
}
