import { CatalogueError } from '../errors';
import { nowIso } from './column-values';
import { slugCanExist } from './datasets-repo';
import type { Db } from './store-types';

export interface OrganizationRecord {
  id: number;
  slug: string;
  title: string;
  description: string | null;
  url: string | null;
  createdAt: string;
}

export interface OrganizationInput {
  slug: string;
  /** Absent: the slug serves as title for a new organization, and an existing title is kept. */
  title?: string;
  description?: string | null;
  url?: string | null;
}

interface OrganizationRow {
  id: number;
  slug: string;
  title: string;
  description: string | null;
  url: string | null;
  created_at: string;
}

function toRecord(row: OrganizationRow): OrganizationRecord {
  return { id: Number(row.id), slug: row.slug, title: row.title, description: row.description, url: row.url, createdAt: row.created_at };
}

/**
 * Creates the organization or updates the fields given (contract section 3: an unknown slug is
 * created on the fly). One statement, so two loads naming the same new organization cannot clash.
 */
export async function upsertOrganization(db: Db, input: OrganizationInput): Promise<OrganizationRecord> {
  const given: Partial<OrganizationRow> = {};
  if (input.title !== undefined) given.title = input.title;
  if (input.description !== undefined) given.description = input.description;
  if (input.url !== undefined) given.url = input.url;
  const insert = db('organizations')
    .insert({ slug: input.slug, title: input.slug, description: null, url: null, ...given, created_at: nowIso() })
    .onConflict('slug');
  await (Object.keys(given).length > 0 ? insert.merge(Object.keys(given)) : insert.ignore());
  const organization = await getOrganizationBySlug(db, input.slug);
  if (!organization) throw new CatalogueError('not-found', `Organisation « ${input.slug} » introuvable.`);
  return organization;
}

export async function getOrganizationBySlug(db: Db, slug: string): Promise<OrganizationRecord | undefined> {
  if (!slugCanExist(slug)) return undefined;
  const row: OrganizationRow | undefined = await db('organizations').where({ slug }).first();
  return row && toRecord(row);
}

export async function getOrganizationById(db: Db, id: number): Promise<OrganizationRecord | undefined> {
  const row: OrganizationRow | undefined = await db('organizations').where({ id }).first();
  return row && toRecord(row);
}

/** By slug: ASCII, so both stores sort alike (titles would follow each database's collation). */
export async function listOrganizations(db: Db): Promise<OrganizationRecord[]> {
  const rows: OrganizationRow[] = await db('organizations').orderBy('slug');
  return rows.map(toRecord);
}
