import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit-log';
import { CatalogueError } from '../errors';
import { getAccountById } from '../storage/accounts-repo';
import {
  findLiveApiToken, getApiTokenById, getApiTokenByName, insertApiToken, listApiTokens, revokeApiToken, touchApiToken,
  type ApiTokenRecord,
} from '../storage/api-tokens-repo';
import { AccessDeniedError } from './access-denied';
import { isAdmin } from './permissions';
import { generateApiToken, looksLikeApiToken, sha256Hex } from './secrets';
import type { Account, Actor } from './types';

/**
 * API tokens for scripts: named, shown once (only a digest is kept), revocable with immediate
 * effect (every request looks the digest up: no cache), their last use recorded. A token acts
 * as its account: a disabled account's tokens stop working.
 */
const TOUCH_EVERY_MS = 60_000;

export interface CreatedToken {
  /** The secret itself: shown once, never stored. */
  token: string;
  record: ApiTokenRecord;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u.test(trimmed)) {
    throw new CatalogueError('bad-request', 'Le nom du jeton : de 1 à 100 lettres, chiffres, espaces, points, tirets ou soulignés.', [
      { path: 'name', message: 'lettres, chiffres, espaces, . _ - (100 au plus)' },
    ]);
  }
  return trimmed;
}

function canManageTokensOf(actor: Actor, accountId: number): boolean {
  return isAdmin(actor) || actor.accountId === accountId;
}

export function createApiTokens(knex: Knex, audit: AuditService) {
  return {
    async create(actor: Actor, accountId: number, name?: string): Promise<CreatedToken> {
      if (!canManageTokensOf(actor, accountId)) throw new AccessDeniedError('Vous ne pouvez créer de jeton que pour votre propre compte.');
      const account = await getAccountById(knex, accountId);
      if (!account) throw new CatalogueError('not-found', `Compte n° ${accountId} introuvable.`);
      const tokenName = checkName(name ?? `jeton-${randomBytes(3).toString('hex')}`);
      const token = generateApiToken();
      const record = await insertApiToken(knex, { accountId, name: tokenName, tokenHash: sha256Hex(token), prefix: token.slice(0, 8) });
      await audit.record(actor, 'token.create', tokenName, { account: account.email });
      return { token, record };
    },

    async revoke(actor: Actor, nameOrId: string | number): Promise<ApiTokenRecord> {
      const record = typeof nameOrId === 'number' ? await getApiTokenById(knex, nameOrId) : await getApiTokenByName(knex, nameOrId);
      if (!record || !canManageTokensOf(actor, record.accountId)) {
        throw new CatalogueError('not-found', `Aucun jeton « ${nameOrId} ».`);
      }
      if (!(await revokeApiToken(knex, record.id))) throw new CatalogueError('conflict', `Le jeton « ${record.name} » est déjà révoqué.`);
      await audit.record(actor, 'token.revoke', record.name, { account: record.accountEmail });
      return (await getApiTokenById(knex, record.id))!;
    },

    /** The actor's own tokens, or any account's for an administrator (all when `accountId` is absent). */
    async list(actor: Actor, accountId?: number): Promise<ApiTokenRecord[]> {
      const target = accountId ?? (isAdmin(actor) ? undefined : actor.accountId ?? -1);
      if (target !== undefined && !canManageTokensOf(actor, target)) throw new AccessDeniedError('Ces jetons ne sont pas les vôtres.');
      return listApiTokens(knex, target);
    },

    /** The account a presented token acts for, or null (unknown, revoked, account disabled). */
    async authenticate(token: string, now = new Date()): Promise<{ account: Account; token: ApiTokenRecord } | null> {
      if (!looksLikeApiToken(token)) return null;
      const record = await findLiveApiToken(knex, sha256Hex(token));
      if (!record) return null;
      const account = await getAccountById(knex, record.accountId);
      if (!account || account.disabled) return null;
      if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) > TOUCH_EVERY_MS) {
        await touchApiToken(knex, record.id, now.toISOString());
      }
      return { account, token: record };
    },
  };
}

export type ApiTokens = ReturnType<typeof createApiTokens>;
export type { ApiTokenRecord } from '../storage/api-tokens-repo';
