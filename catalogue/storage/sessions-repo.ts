import { nowIso } from './column-values';
import type { Db } from './store-types';

/**
 * Server-side sessions, keyed by the SHA-256 digest of the session id (the cookie holds the id
 * itself): whoever reads this table cannot take over a session. `data` is the session as JSON.
 */
export interface StoredSession {
  data: string;
  expiresAt: string;
}

export async function readSession(db: Db, idHash: string, now: string): Promise<StoredSession | undefined> {
  const row = await db('sessions').where({ id_hash: idHash }).where('expires_at', '>', now).first('data', 'expires_at');
  return row ? { data: row.data as string, expiresAt: row.expires_at as string } : undefined;
}

export async function writeSession(db: Db, idHash: string, input: { accountId: number | null; data: string; expiresAt: string }): Promise<void> {
  await db('sessions')
    .insert({ id_hash: idHash, account_id: input.accountId, data: input.data, expires_at: input.expiresAt, created_at: nowIso() })
    .onConflict('id_hash')
    .merge(['account_id', 'data', 'expires_at']);
}

export async function extendSession(db: Db, idHash: string, expiresAt: string): Promise<void> {
  await db('sessions').where({ id_hash: idHash }).update({ expires_at: expiresAt });
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db('sessions').where({ id_hash: idHash }).delete();
}

/** Every session of an account (disabled, password changed): effective at the next request. */
export async function deleteAccountSessions(db: Db, accountId: number): Promise<number> {
  return db('sessions').where({ account_id: accountId }).delete();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  return db('sessions').where('expires_at', '<=', now).delete();
}
