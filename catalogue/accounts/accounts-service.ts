import type { AuditService } from '../audit/audit-log';
import type { Store } from '../storage';
import { listOrganizations, type OrganizationRecord } from '../storage';
import { createAccountManagement, type AccountManagement } from './account-management';
import { createApiTokens, type ApiTokens } from './api-tokens';
import { checkLogin, type LoginResult } from './login';
import { actorOf, anonymousActor, type Account, type Actor } from './types';

/**
 * Accounts, organisations, passwords and API tokens (contract section 6, stewards): the one
 * entry the HTTP layer and the command line use for who is who. Logins are audited, failed ones
 * with the e-mail that was tried.
 */
export type { OrganizationRecord } from '../storage';

export interface AccountsService extends AccountManagement {
  readonly tokens: ApiTokens;
  login(email: string, password: string, ip: string | null): Promise<LoginResult>;
  logout(account: Account, ip: string | null): Promise<void>;
  organizations(): Promise<OrganizationRecord[]>;
  /** The actor for a request made by this account (`via`: session or token). */
  actorFor(account: Account, via: 'session' | 'token', ip: string | null): Actor;
}

export function createAccountsService(store: Store, audit: AuditService): AccountsService {
  const { knex } = store;
  const management = createAccountManagement(knex, audit);
  return {
    ...management,
    tokens: createApiTokens(knex, audit),
    async login(email, password, ip) {
      const result = await checkLogin(knex, email, password);
      if (result.status === 'ok') await audit.record(actorOf(result.account, 'session', ip), 'session.login', result.account.email);
      else await audit.record(anonymousActor(ip), 'session.login-failed', email.trim().toLowerCase().slice(0, 320), { status: result.status });
      return result;
    },
    logout: (account, ip) => audit.record(actorOf(account, 'session', ip), 'session.logout', account.email),
    organizations: () => listOrganizations(knex),
    actorFor: (account, via, ip) => actorOf(account, via, ip),
  };
}
