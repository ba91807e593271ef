import type { Actor } from '../accounts/types';
import { requireAdmin } from '../accounts/permissions';
import { insertAuditEvent, listAuditEvents, type AuditEventRecord } from '../storage/audit-repo';
import type { Store } from '../storage';

/**
 * The audit log (who did what, when, from where), written by every steward and administrator
 * use case, read by administrators. Actions are stable dotted names; the page translates them.
 */
export type AuditAction =
  | 'session.login' | 'session.login-failed' | 'session.logout'
  | 'account.create' | 'account.update' | 'account.password'
  | 'organization.save'
  | 'token.create' | 'token.revoke'
  | 'dataset.create' | 'dataset.update' | 'dataset.unpublish' | 'dataset.delete'
  | 'version.publish' | 'version.reject' | 'version.check';

export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  events: AuditEventRecord[];
}

export interface AuditService {
  record(actor: Actor, action: AuditAction, target: string | null, details?: Record<string, unknown>): Promise<void>;
  /** Administrators only; newest first. */
  list(actor: Actor, options?: { page?: number; action?: string; actor?: string }): Promise<AuditPage>;
}

export const AUDIT_PAGE_SIZE = 50;

export function createAuditLog(store: Store): AuditService {
  return {
    async record(actor, action, target, details) {
      await insertAuditEvent(store.knex, {
        accountId: actor.accountId, actor: actor.name, via: actor.via, ip: actor.ip, action, target, details: details ?? null,
      });
    },
    async list(actor, options = {}) {
      requireAdmin(actor);
      const page = Math.max(1, Math.floor(options.page ?? 1));
      const { total, events } = await listAuditEvents(store.knex, {
        action: options.action || undefined, actor: options.actor || undefined,
        limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE,
      });
      return { total, page, pageSize: AUDIT_PAGE_SIZE, events };
    },
  };
}

export type { AuditEventRecord } from '../storage/audit-repo';
