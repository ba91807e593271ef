/**
 * Who may do what (contract section 6, stewards): an administrator does everything; a steward
 * manages the datasets of the organisations they belong to, nothing else.
 */
export type Role = 'admin' | 'steward';
export const ROLES: readonly Role[] = ['admin', 'steward'];

export interface AccountOrganization {
  id: number;
  slug: string;
  title: string;
}

export interface Account {
  id: number;
  email: string;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  /** False: the account has no password (API tokens only) until one is set. */
  hasPassword: boolean;
  organizations: AccountOrganization[];
  lastLoginAt: string | null;
  createdAt: string;
}

/** How a request proved who it is; `cli` is the command line, run by whoever owns the server. */
export type Via = 'session' | 'token' | 'cli' | 'anonymous';

/**
 * The one acting, as every steward use case receives it: the account (null for the command line
 * and for anonymous requests), its role and organisations, and where the request came from (for
 * the audit log).
 */
export interface Actor {
  accountId: number | null;
  /** The account's e-mail, or a label (« ligne de commande », « anonyme »). */
  name: string;
  role: Role | null;
  organizationIds: readonly number[];
  via: Via;
  ip: string | null;
}

export function actorOf(account: Account, via: Via, ip: string | null): Actor {
  return {
    accountId: account.id,
    name: account.email,
    role: account.role,
    organizationIds: account.organizations.map((o) => o.id),
    via,
    ip,
  };
}

export const COMMAND_LINE_ACTOR: Actor = { accountId: null, name: 'ligne de commande', role: 'admin', organizationIds: [], via: 'cli', ip: null };

export function anonymousActor(ip: string | null): Actor {
  return { accountId: null, name: 'anonyme', role: null, organizationIds: [], via: 'anonymous', ip };
}
