import { fromJsonText, toBoolean } from './column-values';
import type { Db } from './store-types';

/** A column profile as the ingest computes it during the load (catalogue/ingest/column-profile.ts). */
export interface StoredColumnProfile {
  field: string;
  nulls: number;
  distinct: number;
  distinctApproximate?: boolean;
  min: string | number | null;
  max: string | number | null;
  top: Array<{ value: string; count: number }>;
  topApproximate?: boolean;
}

type Row = Record<string, unknown>;

/** Batches keep each INSERT well under SQLite's and PostgreSQL's parameter limits on wide schemas. */
const PROFILES_PER_INSERT = 200;

export async function insertProfiles(db: Db, versionId: number, profiles: readonly StoredColumnProfile[]): Promise<void> {
  for (let i = 0; i < profiles.length; i += PROFILES_PER_INSERT) {
    await db('column_profiles').insert(
      profiles.slice(i, i + PROFILES_PER_INSERT).map((p) => ({
        version_id: versionId,
        field: p.field,
        nulls: p.nulls,
        distinct_count: p.distinct,
        distinct_approximate: p.distinctApproximate ?? false,
        min: p.min === null ? null : String(p.min),
        max: p.max === null ? null : String(p.max),
        top_values: JSON.stringify(p.top),
        top_approximate: p.topApproximate ?? false,
      })),
    );
  }
}

/** min and max are stored as text; numeric columns (per the version's fields) get numbers back. */
export async function listProfiles(db: Db, versionId: number): Promise<StoredColumnProfile[]> {
  const rows: Row[] = await db('column_profiles as p')
    .leftJoin('fields as f', (join) => join.on('f.version_id', 'p.version_id').andOn('f.name', 'p.field'))
    .where('p.version_id', versionId)
    .orderBy('f.position')
    .orderBy('p.field')
    .select('p.*', 'f.kind');
  const numeric = (kind: unknown) => kind === 'integer' || kind === 'number' || kind === 'year';
  const bound = (value: unknown, kind: unknown) => (value === null || value === undefined ? null : numeric(kind) ? Number(value) : String(value));
  return rows.map((r) => ({
    field: r.field as string,
    nulls: Number(r.nulls),
    distinct: Number(r.distinct_count),
    distinctApproximate: toBoolean(r.distinct_approximate),
    min: bound(r.min, r.kind),
    max: bound(r.max, r.kind),
    top: fromJsonText(r.top_values, []),
    topApproximate: toBoolean(r.top_approximate),
  }));
}
