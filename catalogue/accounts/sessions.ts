import type { Knex } from 'knex';
import { deleteExpiredSessions, deleteSession, extendSession, readSession, writeSession } from '../storage/sessions-repo';
import { sha256Hex } from './secrets';

/**
 * Server-side sessions in the catalogue store (both stores), so that a session survives a
 * restart and is shared by every server process. The HTTP layer's session middleware is a thin
 * adapter over this. Ids are kept as digests; expired sessions are read as absent and purged
 * now and then.
 */
const PURGE_EVERY_MS = 60 * 60_000;

export interface SessionsService {
  get(sessionId: string): Promise<unknown | null>;
  set(sessionId: string, data: unknown, expiresAt: Date, accountId: number | null): Promise<void>;
  /** Moves the expiry (an idle timeout that slides with activity). */
  touch(sessionId: string, expiresAt: Date): Promise<void>;
  destroy(sessionId: string): Promise<void>;
  purgeExpired(): Promise<number>;
}

export function createSessionsService(knex: Knex): SessionsService {
  let lastPurge = 0;
  const purgeNow = () => deleteExpiredSessions(knex, new Date().toISOString());
  return {
    async get(sessionId) {
      const stored = await readSession(knex, sha256Hex(sessionId), new Date().toISOString());
      return stored ? JSON.parse(stored.data) : null;
    },
    async set(sessionId, data, expiresAt, accountId) {
      await writeSession(knex, sha256Hex(sessionId), { accountId, data: JSON.stringify(data), expiresAt: expiresAt.toISOString() });
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = Date.now();
        await purgeNow();
      }
    },
    touch: (sessionId, expiresAt) => extendSession(knex, sha256Hex(sessionId), expiresAt.toISOString()),
    destroy: (sessionId) => deleteSession(knex, sha256Hex(sessionId)),
    purgeExpired: purgeNow,
  };
}
