import { CatalogueError } from '../errors';
import type { Account, AccountOrganization, Role } from '../accounts/types';
import { nowIso, toBoolean } from './column-values';
import { isUniqueViolation } from './dialects/unique-violation';
import type { Db } from './store-types';

/** Accounts and the organisations each steward belongs to. E-mails are stored lower-cased. */
type Row = Record<string, unknown>;

export interface AccountSecrets {
  passwordHash: string | null;
  failedLogins: number;
  lockedUntil: string | null;
}

export interface NewAccount {
  email: string;
  displayName?: string | null;
  role: Role;
  passwordHash?: string | null;
}

export interface AccountPatch {
  displayName?: string | null;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string | null;
}

async function organizationsOf(db: Db, accountIds: number[]): Promise<Map<number, AccountOrganization[]>> {
  const byAccount = new Map<number, AccountOrganization[]>();
  if (accountIds.length === 0) return byAccount;
  const rows: Row[] = await db('account_organizations')
    .join('organizations', 'organizations.id', 'account_organizations.organization_id')
    .whereIn('account_organizations.account_id', accountIds)
    .orderBy('organizations.slug')
    .select('account_organizations.account_id', 'organizations.id', 'organizations.slug', 'organizations.title');
  for (const r of rows) {
    const list = byAccount.get(Number(r.account_id)) ?? [];
    list.push({ id: Number(r.id), slug: r.slug as string, title: r.title as string });
    byAccount.set(Number(r.account_id), list);
  }
  return byAccount;
}

function toAccount(row: Row, organizations: AccountOrganization[]): Account {
  return {
    id: Number(row.id),
    email: row.email as string,
    displayName: (row.display_name as string | null) ?? null,
    role: row.role as Role,
    disabled: toBoolean(row.disabled),
    hasPassword: row.password_hash !== null && row.password_hash !== undefined,
    organizations,
    lastLoginAt: (row.last_login_at as string | null) ?? null,
    createdAt: row.created_at as string,
  };
}

async function withOrganizations(db: Db, rows: Row[]): Promise<Account[]> {
  const organizations = await organizationsOf(db, rows.map((r) => Number(r.id)));
  return rows.map((r) => toAccount(r, organizations.get(Number(r.id)) ?? []));
}

export async function insertAccount(db: Db, input: NewAccount): Promise<Account> {
  const now = nowIso();
  try {
    await db('accounts').insert({
      email: input.email, display_name: input.displayName ?? null, role: input.role, password_hash: input.passwordHash ?? null,
      disabled: false, failed_logins: 0, created_at: now, updated_at: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CatalogueError('conflict', `Un compte existe déjà pour ${input.email}.`);
    throw error;
  }
  return (await getAccountByEmail(db, input.email))!;
}

export async function getAccountById(db: Db, id: number): Promise<Account | undefined> {
  const row: Row | undefined = await db('accounts').where({ id }).first();
  return row ? (await withOrganizations(db, [row]))[0] : undefined;
}

export async function getAccountByEmail(db: Db, email: string): Promise<Account | undefined> {
  const row: Row | undefined = await db('accounts').where({ email }).first();
  return row ? (await withOrganizations(db, [row]))[0] : undefined;
}

export async function listAccounts(db: Db): Promise<Account[]> {
  return withOrganizations(db, await db('accounts').orderBy('email'));
}

export async function getAccountSecrets(db: Db, id: number): Promise<AccountSecrets | undefined> {
  const row: Row | undefined = await db('accounts').where({ id }).first('password_hash', 'failed_logins', 'locked_until');
  if (!row) return undefined;
  return {
    passwordHash: (row.password_hash as string | null) ?? null,
    failedLogins: Number(row.failed_logins ?? 0),
    lockedUntil: (row.locked_until as string | null) ?? null,
  };
}

export async function updateAccount(db: Db, id: number, patch: AccountPatch): Promise<void> {
  const row: Row = { updated_at: nowIso() };
  if (patch.displayName !== undefined) row.display_name = patch.displayName;
  if (patch.role !== undefined) row.role = patch.role;
  if (patch.disabled !== undefined) row.disabled = patch.disabled;
  if (patch.passwordHash !== undefined) row.password_hash = patch.passwordHash;
  const changed = await db('accounts').where({ id }).update(row);
  if (changed === 0) throw new CatalogueError('not-found', `Compte n° ${id} introuvable.`);
}

/** A failed password: one more failure, and a lock until `lockUntil` once past the threshold. */
export async function recordFailedLogin(db: Db, id: number, lockUntil: string | null): Promise<void> {
  await db('accounts').where({ id }).update({
    failed_logins: db.raw('failed_logins + 1'),
    ...(lockUntil ? { locked_until: lockUntil } : {}),
  });
}

export async function recordSuccessfulLogin(db: Db, id: number): Promise<void> {
  await db('accounts').where({ id }).update({ failed_logins: 0, locked_until: null, last_login_at: nowIso() });
}

export async function setAccountOrganizations(db: Db, accountId: number, organizationIds: readonly number[]): Promise<void> {
  await db('account_organizations').where({ account_id: accountId }).delete();
  const unique = [...new Set(organizationIds)];
  if (unique.length) await db('account_organizations').insert(unique.map((id) => ({ account_id: accountId, organization_id: id })));
}

export async function addAccountOrganization(db: Db, accountId: number, organizationId: number): Promise<void> {
  await db('account_organizations').insert({ account_id: accountId, organization_id: organizationId }).onConflict(['account_id', 'organization_id']).ignore();
}
