import type { AuditPage } from '../../../catalogue/audit/audit-log';
import { formatDateTime, formatNumber } from '../format';
import { workspaceLinks } from './links';

/** The audit log for administrators: who did what, when, from where; newest first, 50 a page. */
const ACTIONS: Record<string, string> = {
  'session.login': 'connexion',
  'session.login-failed': 'connexion refusée',
  'session.logout': 'déconnexion',
  'account.create': 'compte créé',
  'account.update': 'compte modifié',
  'account.password': 'mot de passe changé',
  'organization.save': 'organisation enregistrée',
  'token.create': 'jeton créé',
  'token.revoke': 'jeton révoqué',
  'dataset.create': 'jeu de données créé',
  'dataset.update': 'jeu de données modifié',
  'dataset.unpublish': 'jeu de données dépublié',
  'dataset.delete': 'jeu de données supprimé',
  'version.publish': 'version publiée',
  'version.reject': 'envoi refusé',
  'version.check': 'fichier vérifié',
};

const VIA: Record<string, string> = { session: 'navigateur', token: 'jeton d’API', cli: 'ligne de commande', anonymous: '—' };

export function toAuditPage(page: AuditPage, action: string) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (n: number) => `${workspaceLinks.audit()}?page=${n}${action ? `&action=${encodeURIComponent(action)}` : ''}`;
  return {
    title: 'Journal d’audit',
    actions: [{ value: '', label: 'toutes', selected: action === '' }, ...Object.entries(ACTIONS).map(([value, label]) => ({ value, label, selected: value === action }))],
    action: workspaceLinks.audit(),
    caption: `Événements, les plus récents d’abord (page ${page.page} sur ${pages}, ${formatNumber(page.total)} au total)`,
    events: page.events.map((e) => ({
      at: formatDateTime(e.at),
      actor: e.actor,
      via: VIA[e.via] ?? e.via,
      ip: e.ip ?? '—',
      action: ACTIONS[e.action] ?? e.action,
      target: e.target ?? '—',
      details: e.details ? JSON.stringify(e.details) : '',
    })),
    previous: page.page > 1 ? link(page.page - 1) : null,
    next: page.page < pages ? link(page.page + 1) : null,
  };
}
