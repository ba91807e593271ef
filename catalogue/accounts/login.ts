import type { Knex } from 'knex';
import { getAccountByEmail, getAccountSecrets, recordFailedLogin, recordSuccessfulLogin } from '../storage/accounts-repo';
import { decoyHash, verifyPassword } from './passwords';
import type { Account } from './types';

/**
 * Checking a password, with a lock per account after repeated failures (the HTTP layer also
 * limits attempts per client address). The answer never says whether the e-mail exists, and an
 * unknown e-mail costs the same argon2 verification as a known one.
 */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export type LoginResult =
  | { status: 'ok'; account: Account }
  | { status: 'invalid' }
  | { status: 'locked'; until: string };

export async function checkLogin(knex: Knex, email: string, password: string, now = new Date()): Promise<LoginResult> {
  const account = await getAccountByEmail(knex, email.trim().toLowerCase());
  const secrets = account ? await getAccountSecrets(knex, account.id) : undefined;
  if (!account || !secrets?.passwordHash || account.disabled) {
    await verifyPassword(await decoyHash(), password);
    return { status: 'invalid' };
  }
  if (secrets.lockedUntil && secrets.lockedUntil > now.toISOString()) return { status: 'locked', until: secrets.lockedUntil };
  if (!(await verifyPassword(secrets.passwordHash, password))) {
    const failures = secrets.failedLogins + 1;
    const lock = failures % LOCK_AFTER_FAILURES === 0 ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await recordFailedLogin(knex, account.id, lock);
    return lock ? { status: 'locked', until: lock } : { status: 'invalid' };
  }
  await recordSuccessfulLogin(knex, account.id);
  return { status: 'ok', account };
}
