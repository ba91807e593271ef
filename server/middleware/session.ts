import cookieParser from 'cookie-parser';
import session from 'express-session';
import type { RequestHandler } from 'express';
import type { SessionsService } from '../../catalogue/accounts/sessions';
import { CatalogueSessionStore, SESSION_ABSOLUTE_MS } from './session-store';

/**
 * Server-side sessions for the stewards' workspace: the cookie holds only a random id (signed),
 * `HttpOnly; SameSite=Lax`, `Secure` behind HTTPS (always when BASE_URL is https, else when the
 * request came over HTTPS through a trusted proxy), and a `__Host-` name when served over HTTPS.
 * Nothing is stored for visitors who do not log in (saveUninitialized: false).
 */
declare module 'express-session' {
  interface SessionData {
    accountId?: number;
    loginAt?: string;
    /** A one-time message for the next page (« Version 3 publiée »). */
    flash?: string;
  }
}

export interface SessionOptions {
  secret: string;
  https: boolean;
  sessions: SessionsService;
}

export function sessionCookieName(https: boolean): string {
  return https ? '__Host-opendata.sid' : 'opendata.sid';
}

export function sessionMiddleware(options: SessionOptions): RequestHandler[] {
  return [
    cookieParser(),
    session({
      name: sessionCookieName(options.https),
      secret: options.secret,
      store: new CatalogueSessionStore(options.sessions),
      resave: false,
      saveUninitialized: false,
      rolling: false,
      unset: 'destroy',
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.https ? true : 'auto', path: '/', maxAge: SESSION_ABSOLUTE_MS },
    }),
  ];
}
