import type { ApiTokenRecord } from '../../../catalogue/accounts/api-tokens';
import type { Account } from '../../../catalogue/accounts/types';
import type { OrganizationRecord } from '../../../catalogue/accounts/accounts-service';
import { formatDateTime } from '../format';
import type { FormErrors } from './form-errors';
import { workspaceLinks } from './links';
import { toTokenRows } from './tokens-page';

/** Accounts for administrators: the list, and the form to create or change one. */
const ROLE_LABELS = { admin: 'administrateur', steward: 'responsable de données' } as const;

export function toAccountsPage(accounts: Account[]) {
  return {
    title: 'Comptes',
    newUrl: workspaceLinks.newAccount(),
    accounts: accounts.map((a) => ({
      email: a.email,
      url: workspaceLinks.accountAdmin(a.id),
      role: ROLE_LABELS[a.role],
      organizations: a.organizations.map((o) => o.slug).join(', ') || '—',
      state: a.disabled ? 'désactivé' : a.hasPassword ? 'actif' : 'actif (sans mot de passe : jetons seulement)',
      lastLogin: a.lastLoginAt ? formatDateTime(a.lastLoginAt) : 'jamais',
    })),
  };
}

export interface AccountFormInputs {
  account: Account | null;
  organizations: OrganizationRecord[];
  /** Submitted values, shown again after an error. */
  values: Record<string, unknown> | null;
  errors: FormErrors;
  tokens: ApiTokenRecord[];
}

export function toAccountForm({ account, organizations, values, errors, tokens }: AccountFormInputs) {
  const err = (name: string) => (errors.byField[name]?.length ? { id: `${name}-erreur`, messages: errors.byField[name] } : null);
  const role = String(values?.role ?? account?.role ?? 'steward');
  const chosen = new Set<string>((values?.organizations as string[] | undefined) ?? account?.organizations.map((o) => o.slug) ?? []);
  const creating = account === null;
  return {
    title: creating ? 'Nouveau compte' : `Compte ${account.email}`,
    breadcrumbs: [{ label: 'Mon espace', href: '/espace' }, { label: 'Comptes', href: workspaceLinks.accounts() }],
    creating,
    passwordLabel: creating ? 'Mot de passe' : 'Nouveau mot de passe',
    action: creating ? workspaceLinks.newAccount() : workspaceLinks.accountAdmin(account.id),
    fields: {
      email: { value: String(values?.email ?? ''), error: err('email') },
      displayName: { value: String(values?.displayName ?? account?.displayName ?? ''), error: null },
      password: { value: '', error: err('password') },
      role: { error: err('role') },
      organizations: { error: err('organizations') },
    },
    roles: (['steward', 'admin'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r], selected: r === role })),
    organizations: organizations.map((o) => ({ slug: o.slug, label: `${o.title} (${o.slug})`, checked: chosen.has(o.slug), id: `org-${o.slug}` })),
    disabled: Boolean(values?.disabled ?? account?.disabled ?? false),
    errorSummary: errors.summary,
    tokens: toTokenRows(tokens),
  };
}
