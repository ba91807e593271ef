import session from 'express-session';
import type { SessionsService } from '../../catalogue/accounts/sessions';

/**
 * express-session's Store over the catalogue's sessions (stored in SQLite or PostgreSQL, never in
 * memory): a session survives a restart and is seen by every server process. The stored expiry
 * slides with activity (`touch`) but never passes the login time plus the absolute lifetime.
 */
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

type StoredSession = session.SessionData & { accountId?: number; loginAt?: string };

export function sessionExpiry(sess: StoredSession, now = Date.now()): Date {
  const idle = now + SESSION_IDLE_MS;
  const absolute = sess.loginAt ? Date.parse(sess.loginAt) + SESSION_ABSOLUTE_MS : idle;
  return new Date(Math.min(idle, absolute));
}

export class CatalogueSessionStore extends session.Store {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.sessions.get(sid).then((data) => callback(null, (data as session.SessionData | null) ?? null), callback);
  }

  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    const stored = sess as StoredSession;
    this.sessions.set(sid, sess, sessionExpiry(stored), stored.accountId ?? null).then(() => callback?.(), (error) => callback?.(error));
  }

  override touch(sid: string, sess: session.SessionData, callback?: () => void): void {
    this.sessions.touch(sid, sessionExpiry(sess as StoredSession)).then(() => callback?.(), () => callback?.());
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.sessions.destroy(sid).then(() => callback?.(), (error) => callback?.(error));
  }
}
