import type { Knex } from 'knex';
import type { AuditService } from '../audit/audit-log';
import { CatalogueError } from '../errors';
import { getOrganizationBySlug, upsertOrganization, type OrganizationRecord } from '../storage';
import {
  addAccountOrganization, getAccountByEmail, getAccountById, getAccountSecrets, insertAccount, listAccounts, setAccountOrganizations,
  updateAccount,
} from '../storage/accounts-repo';
import { deleteAccountSessions } from '../storage/sessions-repo';
import { normalizeEmail } from './emails';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import { requireAdmin } from './permissions';
import { ROLES, type Account, type Actor, type Role } from './types';

/**
 * Accounts and organisations, managed by administrators (pages) or the command line: create an
 * account for an organisation (created on the fly), change its role and organisations, disable
 * it, set a password. Disabling an account or changing its password ends its sessions at once.
 */
export interface NewAccountInput {
  email: string;
  role: Role;
  /** Organisation slugs; unknown ones are created (contract: `user add … --org`). */
  organizations: readonly string[];
  password?: string | null;
  displayName?: string | null;
}

export interface AccountChange {
  role?: Role;
  organizations?: readonly string[];
  disabled?: boolean;
  displayName?: string | null;
}

export interface OrganizationInput {
  slug: string;
  title: string;
  description?: string | null;
  url?: string | null;
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new CatalogueError('bad-request', `Rôle « ${role} » inconnu : admin ou steward.`, [{ path: 'role', message: 'admin ou steward' }]);
  }
  return role as Role;
}

function checkOrganizationSlug(slug: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 100) {
    throw new CatalogueError('bad-request', `« ${slug} » n’est pas un identifiant d’organisation valide (minuscules, chiffres et tirets).`, [
      { path: 'organization', message: 'minuscules, chiffres et tirets' },
    ]);
  }
  return slug;
}

async function organizationIds(knex: Knex, slugs: readonly string[], create: boolean): Promise<number[]> {
  const ids: number[] = [];
  for (const slug of slugs.map(checkOrganizationSlug)) {
    const found = create ? await upsertOrganization(knex, { slug }) : await getOrganizationBySlug(knex, slug);
    if (!found) throw new CatalogueError('not-found', `L’organisation « ${slug} » n’existe pas.`, [{ path: 'organizations', message: `« ${slug} » inconnue` }]);
    ids.push(found.id);
  }
  return ids;
}

export function createAccountManagement(knex: Knex, audit: AuditService) {
  async function requireAccount(id: number): Promise<Account> {
    const account = await getAccountById(knex, id);
    if (!account) throw new CatalogueError('not-found', `Compte n° ${id} introuvable.`);
    return account;
  }

  return {
    get: (id: number) => getAccountById(knex, id),
    require: requireAccount,
    findByEmail: (email: string) => getAccountByEmail(knex, email.trim().toLowerCase()),

    async list(actor: Actor): Promise<Account[]> {
      requireAdmin(actor);
      return listAccounts(knex);
    },

    /**
     * Creates the account, or, when the e-mail already has one with the same role, adds the
     * organisations to it (so `user add` makes a steward of several organisations).
     */
    async add(actor: Actor, input: NewAccountInput): Promise<{ account: Account; created: boolean }> {
      requireAdmin(actor);
      const email = normalizeEmail(input.email);
      const role = checkRole(input.role);
      if (input.password) checkPasswordPolicy(input.password);
      const existing = await getAccountByEmail(knex, email);
      if (existing && existing.role !== role) {
        throw new CatalogueError('conflict', `Le compte ${email} existe déjà avec le rôle « ${existing.role} ».`);
      }
      if (role === 'steward' && input.organizations.length === 0 && !existing) {
        throw new CatalogueError('bad-request', 'Un responsable de données appartient à au moins une organisation.', [
          { path: 'organizations', message: 'au moins une organisation' },
        ]);
      }
      const ids = await organizationIds(knex, input.organizations, true);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const account = existing ?? (await insertAccount(knex, { email, role, passwordHash, displayName: input.displayName ?? null }));
      for (const id of ids) await addAccountOrganization(knex, account.id, id);
      if (existing && passwordHash) {
        await updateAccount(knex, account.id, { passwordHash });
        await deleteAccountSessions(knex, account.id);
      }
      await audit.record(actor, existing ? 'account.update' : 'account.create', email, { role, organizations: [...input.organizations] });
      return { account: await requireAccount(account.id), created: !existing };
    },

    async change(actor: Actor, id: number, change: AccountChange): Promise<Account> {
      requireAdmin(actor);
      const account = await requireAccount(id);
      if (actor.accountId === id && (change.disabled || (change.role && change.role !== 'admin'))) {
        throw new CatalogueError('bad-request', 'Vous ne pouvez ni désactiver votre propre compte ni lui retirer le rôle d’administrateur.');
      }
      const role = change.role === undefined ? undefined : checkRole(change.role);
      await knex.transaction(async (trx) => {
        await updateAccount(trx, id, { role, disabled: change.disabled, displayName: change.displayName });
        if (change.organizations) await setAccountOrganizations(trx, id, await organizationIds(trx, change.organizations, false));
      });
      // A disabled account, another role or other organisations: open sessions end now (tokens are
      // checked against the account on every request anyway).
      const roleChanged = role !== undefined && role !== account.role;
      const before = account.organizations.map((o) => o.slug).sort().join(',');
      const organizationsChanged = change.organizations !== undefined && [...new Set(change.organizations)].sort().join(',') !== before;
      if (change.disabled || roleChanged || organizationsChanged) await deleteAccountSessions(knex, id);
      await audit.record(actor, 'account.update', account.email, { ...change, organizations: change.organizations ? [...change.organizations] : undefined });
      return requireAccount(id);
    },

    /** An administrator sets anyone's password; an account changes its own with its current one. */
    async setPassword(actor: Actor, id: number, password: string, currentPassword?: string): Promise<void> {
      const account = await requireAccount(id);
      if (actor.accountId !== id) requireAdmin(actor);
      else if (actor.via !== 'cli') {
        const secrets = await getAccountSecrets(knex, id);
        if (secrets?.passwordHash && !(await verifyPassword(secrets.passwordHash, currentPassword ?? ''))) {
          throw new CatalogueError('bad-request', 'Le mot de passe actuel est incorrect.', [{ path: 'current', message: 'mot de passe actuel incorrect' }]);
        }
      }
      checkPasswordPolicy(password);
      await updateAccount(knex, id, { passwordHash: await hashPassword(password) });
      await deleteAccountSessions(knex, id);
      await audit.record(actor, 'account.password', account.email);
    },

    async saveOrganization(actor: Actor, input: OrganizationInput): Promise<OrganizationRecord> {
      requireAdmin(actor);
      const slug = checkOrganizationSlug(input.slug.trim());
      const title = input.title.trim();
      if (title.length < 2 || title.length > 200) {
        throw new CatalogueError('bad-request', 'Le nom de l’organisation doit comporter de 2 à 200 caractères.', [{ path: 'title', message: 'de 2 à 200 caractères' }]);
      }
      const url = input.url?.trim() || null;
      if (url && !/^https?:\/\/\S+$/.test(url)) {
        throw new CatalogueError('bad-request', 'Le site doit être une adresse http(s).', [{ path: 'url', message: 'adresse http(s) attendue' }]);
      }
      const organization = await upsertOrganization(knex, { slug, title, description: input.description?.trim() || null, url });
      await audit.record(actor, 'organization.save', slug, { title });
      return organization;
    },
  };
}

export type AccountManagement = ReturnType<typeof createAccountManagement>;
