import type { ColumnKind } from '../validation/row-schema';
import type { VersionColumn } from './column-types';
import type { Db } from './store-types';

/** A column of a published version, as the API lists it (name, type, title, description). */
export interface VersionField extends VersionColumn {
  position: number;
  title: string | null;
  description: string | null;
}

type Row = Record<string, unknown>;

export async function insertFields(db: Db, versionId: number, fields: readonly VersionField[]): Promise<void> {
  if (fields.length === 0) return;
  await db('fields').insert(
    fields.map((f) => ({
      version_id: versionId,
      position: f.position,
      name: f.name,
      column_name: f.columnName,
      kind: f.kind,
      title: f.title ?? null,
      description: f.description ?? null,
    })),
  );
}

/** In schema order: the order of the version table's columns. */
export async function listFields(db: Db, versionId: number): Promise<VersionField[]> {
  const rows: Row[] = await db('fields').where({ version_id: versionId }).orderBy('position');
  return rows.map((r) => ({
    position: Number(r.position),
    name: r.name as string,
    columnName: r.column_name as string,
    kind: r.kind as ColumnKind,
    title: (r.title as string | null) ?? null,
    description: (r.description as string | null) ?? null,
  }));
}
