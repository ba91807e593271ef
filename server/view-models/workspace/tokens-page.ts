import type { ApiTokenRecord } from '../../../catalogue/accounts/api-tokens';
import { formatDateTime } from '../format';
import type { FormErrors } from './form-errors';
import { workspaceLinks } from './links';

/** API tokens as a list (never the secret, only its first characters) and, once, a new token. */
export function toTokenRows(tokens: ApiTokenRecord[]) {
  return tokens.map((t) => ({
    name: t.name,
    prefix: `${t.prefix}…`,
    created: formatDateTime(t.createdAt),
    lastUsed: t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'jamais',
    revoked: t.revokedAt ? formatDateTime(t.revokedAt) : null,
    revoke: t.revokedAt ? null : workspaceLinks.revokeToken(t.id),
  }));
}

export function toTokensPage(tokens: ApiTokenRecord[], created: { name: string; token: string } | null, errors: FormErrors) {
  const messages = errors.byField.name ?? [];
  return {
    title: 'Mes jetons d’API',
    created,
    tokens: toTokenRows(tokens),
    action: workspaceLinks.tokens(),
    error: messages.length ? { id: 'nom-erreur', messages } : null,
    errorSummary: errors.summary,
  };
}
