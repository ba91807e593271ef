import { CatalogueError } from '../errors';
import type { Finding } from '../validation/findings';
import type { RowSchema } from '../validation/row-schema';
import { fromJsonText, nowIso, toBoolean, toJsonText, toNumberOrNull } from './column-values';
import { isUniqueViolation } from './dialects/unique-violation';
import type { Db } from './store-types';

/** Optional metadata blocks, as schemas/catalogue/dataset.schema.json defines them. */
export interface DatasetSpatial { label?: string; granularity?: string; zones?: string[] }
export interface DatasetTemporal { start?: string; end?: string }
export interface DatasetContact { name: string; email?: string; url?: string }

export interface DatasetInput {
  slug: string;
  organizationId: number;
  title: string;
  description: string;
  licence: string;
  themes?: string[];
  keywords?: string[];
  frequency?: string | null;
  spatial?: DatasetSpatial | null;
  temporal?: DatasetTemporal | null;
  contact?: DatasetContact | null;
  demo?: boolean;
  /** The row JSON Schema in force. */
  rowSchema: RowSchema;
  /** What the steward gave (a Table Schema, say), kept as given. */
  schemaSource?: unknown;
  /** Findings from converting schemaSource (schema-import warnings). */
  schemaWarnings?: Finding[];
  /** Detects changed files when a dataset folder is loaded again. */
  sourceFingerprint?: string | null;
}

export interface DatasetRecord extends Required<Omit<DatasetInput, 'schemaSource'>> {
  id: number;
  schemaSource: unknown;
  currentVersionId: number | null;
  createdAt: string;
  updatedAt: string;
}

export type DatasetPatch = Partial<Omit<DatasetInput, 'slug'>>;

type Row = Record<string, unknown>;

/** camelCase field → column, with the conversion into the column's stored form. */
const COLUMNS: Record<keyof DatasetPatch, [string, (v: unknown) => unknown]> = {
  organizationId: ['organization_id', (v) => v],
  title: ['title', (v) => v],
  description: ['description', (v) => v],
  licence: ['licence', (v) => v],
  themes: ['themes', (v) => toJsonText(v ?? [])],
  keywords: ['keywords', (v) => toJsonText(v ?? [])],
  frequency: ['frequency', (v) => v ?? null],
  spatial: ['spatial', toJsonText],
  temporal: ['temporal', toJsonText],
  contact: ['contact', toJsonText],
  demo: ['demo', (v) => Boolean(v)],
  rowSchema: ['row_schema', toJsonText],
  schemaSource: ['schema_source', toJsonText],
  schemaWarnings: ['schema_warnings', (v) => toJsonText(v ?? [])],
  sourceFingerprint: ['source_fingerprint', (v) => v ?? null],
};

function toRow(fields: DatasetPatch): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = COLUMNS[key as keyof DatasetPatch];
    if (column && value !== undefined) row[column[0]] = column[1](value);
  }
  return row;
}

function toRecord(row: Row): DatasetRecord {
  return {
    id: Number(row.id),
    slug: row.slug as string,
    organizationId: Number(row.organization_id),
    title: row.title as string,
    description: row.description as string,
    licence: row.licence as string,
    themes: fromJsonText(row.themes, []),
    keywords: fromJsonText(row.keywords, []),
    frequency: (row.frequency as string | null) ?? null,
    spatial: fromJsonText(row.spatial, null),
    temporal: fromJsonText(row.temporal, null),
    contact: fromJsonText(row.contact, null),
    demo: toBoolean(row.demo),
    rowSchema: fromJsonText(row.row_schema, { type: 'object', properties: {} } as RowSchema),
    schemaSource: fromJsonText(row.schema_source, null),
    schemaWarnings: fromJsonText(row.schema_warnings, []),
    sourceFingerprint: (row.source_fingerprint as string | null) ?? null,
    currentVersionId: toNumberOrNull(row.current_version_id),
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
  };
}

export async function createDataset(db: Db, input: DatasetInput): Promise<DatasetRecord> {
  const now = nowIso();
  const { slug, ...fields } = input;
  const defaults: DatasetPatch = { themes: [], keywords: [], demo: false, schemaWarnings: [] };
  try {
    await db('datasets').insert({ slug, ...toRow({ ...defaults, ...fields }), created_at: now, updated_at: now });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CatalogueError('conflict', `Un jeu de données « ${slug} » existe déjà.`);
    throw error;
  }
  return (await getDatasetBySlug(db, slug))!;
}

/** Updates the fields given; `updated_at` moves with every change. */
export async function updateDataset(db: Db, id: number, patch: DatasetPatch): Promise<DatasetRecord> {
  const changed = await db('datasets').where({ id }).update({ ...toRow(patch), updated_at: nowIso() });
  if (changed === 0) throw new CatalogueError('not-found', `Jeu de données n° ${id} introuvable.`);
  return (await getDatasetById(db, id))!;
}

/**
 * Whether a slug from a URL can name anything: no slug holds U+0000, and PostgreSQL refuses that
 * character in any bound text (an error, not an empty result), so such a slug is not looked up.
 */
export function slugCanExist(slug: string): boolean {
  return !slug.includes('\0');
}

export async function getDatasetBySlug(db: Db, slug: string): Promise<DatasetRecord | undefined> {
  if (!slugCanExist(slug)) return undefined;
  const row: Row | undefined = await db('datasets').where({ slug }).first();
  return row && toRecord(row);
}

export async function getDatasetById(db: Db, id: number): Promise<DatasetRecord | undefined> {
  const row: Row | undefined = await db('datasets').where({ id }).first();
  return row && toRecord(row);
}

/** Every dataset (the catalogue is hundreds, not millions), by slug; search and facets live elsewhere. */
export async function listDatasets(db: Db, filter: { organizationId?: number } = {}): Promise<DatasetRecord[]> {
  const query = db('datasets').orderBy('slug');
  if (filter.organizationId !== undefined) query.where({ organization_id: filter.organizationId });
  const rows: Row[] = await query;
  return rows.map(toRecord);
}
