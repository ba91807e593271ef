import { CatalogueError } from '../errors';
import { nowIso } from './column-values';
import { isUniqueViolation } from './dialects/unique-violation';
import type { Db } from './store-types';

/** API tokens: named, stored as a SHA-256 digest, revocable; the last use is recorded. */
export interface ApiTokenRecord {
  id: number;
  accountId: number;
  accountEmail: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = Record<string, unknown>;

function toRecord(row: Row): ApiTokenRecord {
  return {
    id: Number(row.id),
    accountId: Number(row.account_id),
    accountEmail: row.email as string,
    name: row.name as string,
    prefix: row.prefix as string,
    createdAt: row.created_at as string,
    lastUsedAt: (row.last_used_at as string | null) ?? null,
    revokedAt: (row.revoked_at as string | null) ?? null,
  };
}

const selectTokens = (db: Db) =>
  db('api_tokens').join('accounts', 'accounts.id', 'api_tokens.account_id').select('api_tokens.*', 'accounts.email');

export async function insertApiToken(db: Db, input: { accountId: number; name: string; tokenHash: string; prefix: string }): Promise<ApiTokenRecord> {
  try {
    await db('api_tokens').insert({
      account_id: input.accountId, name: input.name, token_hash: input.tokenHash, prefix: input.prefix, created_at: nowIso(),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CatalogueError('conflict', `Un jeton nommé « ${input.name} » existe déjà : choisissez un autre nom.`);
    throw error;
  }
  return (await getApiTokenByName(db, input.name))!;
}

export async function getApiTokenByName(db: Db, name: string): Promise<ApiTokenRecord | undefined> {
  const row: Row | undefined = await selectTokens(db).where('api_tokens.name', name).first();
  return row && toRecord(row);
}

export async function getApiTokenById(db: Db, id: number): Promise<ApiTokenRecord | undefined> {
  const row: Row | undefined = await selectTokens(db).where('api_tokens.id', id).first();
  return row && toRecord(row);
}

/** The live token with this digest (never a revoked one). */
export async function findLiveApiToken(db: Db, tokenHash: string): Promise<ApiTokenRecord | undefined> {
  const row: Row | undefined = await selectTokens(db).where('api_tokens.token_hash', tokenHash).whereNull('api_tokens.revoked_at').first();
  return row && toRecord(row);
}

export async function listApiTokens(db: Db, accountId?: number): Promise<ApiTokenRecord[]> {
  const query = selectTokens(db).orderBy('api_tokens.id', 'desc');
  if (accountId !== undefined) query.where('api_tokens.account_id', accountId);
  return (await query).map(toRecord);
}

/** True when a live token was revoked now. */
export async function revokeApiToken(db: Db, id: number): Promise<boolean> {
  return (await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: nowIso() })) > 0;
}

export async function touchApiToken(db: Db, id: number, at: string): Promise<void> {
  await db('api_tokens').where({ id }).update({ last_used_at: at });
}
