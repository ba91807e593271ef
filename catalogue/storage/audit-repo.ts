import { fromJsonText, nowIso, toJsonText, toNumberOrNull } from './column-values';
import type { Db } from './store-types';

/** The audit log: who did what, when, from where. Append-only. */
export interface AuditEventInput {
  accountId: number | null;
  actor: string;
  via: string;
  ip: string | null;
  action: string;
  target: string | null;
  details?: Record<string, unknown> | null;
}

export interface AuditEventRecord extends AuditEventInput {
  id: number;
  at: string;
  details: Record<string, unknown> | null;
}

type Row = Record<string, unknown>;

export async function insertAuditEvent(db: Db, input: AuditEventInput): Promise<void> {
  await db('audit_events').insert({
    at: nowIso(), account_id: input.accountId, actor: input.actor.slice(0, 320), via: input.via, ip: input.ip?.slice(0, 100) ?? null,
    action: input.action, target: input.target?.slice(0, 300) ?? null, details: toJsonText(input.details ?? null),
  });
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  limit: number;
  offset: number;
}

/** Newest first; `total` counts every event the filter matches. */
export async function listAuditEvents(db: Db, filter: AuditFilter): Promise<{ total: number; events: AuditEventRecord[] }> {
  const where = (q: ReturnType<Db>) => {
    if (filter.action) q.where('action', filter.action);
    if (filter.actor) q.where('actor', filter.actor);
    return q;
  };
  const counted = await where(db('audit_events')).count({ n: '*' }).first();
  const rows: Row[] = await where(db('audit_events')).orderBy('id', 'desc').limit(filter.limit).offset(filter.offset);
  return {
    total: Number(counted?.n ?? 0),
    events: rows.map((r) => ({
      id: Number(r.id), at: r.at as string, accountId: toNumberOrNull(r.account_id), actor: r.actor as string, via: r.via as string,
      ip: (r.ip as string | null) ?? null, action: r.action as string, target: (r.target as string | null) ?? null,
      details: fromJsonText(r.details, null),
    })),
  };
}
