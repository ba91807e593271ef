import type { Knex } from 'knex';
import type { Actor } from '../accounts/types';
import { isAdmin, requireOrganization } from '../accounts/permissions';
import { AccessDeniedError } from '../accounts/access-denied';
import type { AuditService } from '../audit/audit-log';
import { CatalogueError } from '../errors';
import {
  createDataset, getDatasetBySlug, getOrganizationById, getOrganizationBySlug, updateDataset, upsertOrganization,
  type DatasetRecord, type OrganizationRecord,
} from '../storage';
import { checkMetadataInput, slugFromTitle, toDatasetPatch, type DatasetMetadataInput } from './dataset-input';
import { readSchemaInput } from './schema-input';

/**
 * Creating a dataset and changing its metadata or row schema (contract section 6:
 * `POST /api/v1/datasets`, `PATCH /api/v1/datasets/{slug}`). A steward works inside their
 * organisations; an administrator anywhere, and may name a new organisation (created on the fly).
 */
export interface DatasetWrite {
  /** Metadata fields (dataset.json without `schema`/`data`, plus `slug` on creation). */
  metadata: Record<string, unknown>;
  /** An inline JSON Schema or Table Schema; required on creation, optional in a patch. */
  schema?: unknown;
}

export async function requireDatasetRecord(knex: Knex, slug: string): Promise<DatasetRecord> {
  const dataset = await getDatasetBySlug(knex, slug);
  if (!dataset) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'existe pas.`);
  return dataset;
}

/** The dataset, once the actor is allowed to manage it (404 before 403: datasets are public). */
export async function requireManagedDataset(knex: Knex, actor: Actor, slug: string): Promise<DatasetRecord> {
  const dataset = await requireDatasetRecord(knex, slug);
  requireOrganization(actor, dataset.organizationId, `« ${slug} »`);
  return dataset;
}

async function resolveOrganization(knex: Knex, actor: Actor, input: DatasetMetadataInput): Promise<OrganizationRecord> {
  const existing = await getOrganizationBySlug(knex, input.organization);
  if (existing) {
    requireOrganization(actor, existing.id, `« ${input.organization} »`);
    return existing;
  }
  if (!isAdmin(actor)) throw new AccessDeniedError(`L’organisation « ${input.organization} » n’existe pas ou n’est pas la vôtre.`);
  return upsertOrganization(knex, { slug: input.organization, title: input.organization_title });
}

async function freeSlug(knex: Knex, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 56)}-${n}`;
    if (!(await getDatasetBySlug(knex, candidate))) return candidate;
  }
}

/** The stored metadata in the shape of the input, so that a patch is checked as a whole. */
function currentMetadata(dataset: DatasetRecord, organization: OrganizationRecord | undefined): Record<string, unknown> {
  const optional = (value: unknown) => (value === null || value === undefined ? undefined : value);
  const document: Record<string, unknown> = {
    title: dataset.title, description: dataset.description, organization: organization?.slug ?? '', licence: dataset.licence,
    themes: dataset.themes, keywords: dataset.keywords, frequency: optional(dataset.frequency), spatial: optional(dataset.spatial),
    temporal: optional(dataset.temporal), contact: optional(dataset.contact), demo: dataset.demo,
  };
  return Object.fromEntries(Object.entries(document).filter(([, v]) => v !== undefined));
}

function withoutNulls(patch: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null));
}

/** A dataset as its edit form shows it: the metadata document and the schema as given. */
export interface EditableDataset {
  slug: string;
  metadata: Record<string, unknown>;
  organization: OrganizationRecord | undefined;
  schemaSource: unknown;
  schemaWarnings: string[];
  hasVersion: boolean;
}

export function createDatasetWrites(knex: Knex, audit: AuditService) {
  return {
    async editable(actor: Actor, slug: string): Promise<EditableDataset> {
      const dataset = await requireManagedDataset(knex, actor, slug);
      const organization = await getOrganizationById(knex, dataset.organizationId);
      return {
        slug,
        metadata: currentMetadata(dataset, organization),
        organization,
        schemaSource: dataset.schemaSource ?? dataset.rowSchema,
        schemaWarnings: dataset.schemaWarnings.map((w) => w.message),
        hasVersion: dataset.currentVersionId !== null,
      };
    },

    async create(actor: Actor, write: DatasetWrite): Promise<DatasetRecord> {
      const metadata = checkMetadataInput(write.metadata);
      if (write.schema === undefined) {
        throw new CatalogueError('bad-schema', 'Le schéma de ligne manque : donnez un JSON Schema ou un Table Schema.', [
          { path: '/schema', message: 'schema : obligatoire' },
        ]);
      }
      const organization = await resolveOrganization(knex, actor, metadata);
      const schema = readSchemaInput(write.schema, 'schema');
      const slug = metadata.slug ?? (await freeSlug(knex, slugFromTitle(metadata.title)));
      const dataset = await createDataset(knex, { slug, organizationId: organization.id, ...toDatasetPatch(metadata), ...schema, title: metadata.title, description: metadata.description, licence: metadata.licence });
      await audit.record(actor, 'dataset.create', slug, { title: metadata.title, organization: organization.slug });
      return dataset;
    },

    /** Fields set to null are removed; `slug` cannot change (links and API scripts rely on it). */
    async update(actor: Actor, slug: string, write: DatasetWrite): Promise<DatasetRecord> {
      const dataset = await requireManagedDataset(knex, actor, slug);
      if ('slug' in write.metadata && write.metadata.slug !== slug) {
        throw new CatalogueError('bad-metadata', 'L’identifiant (slug) d’un jeu de données ne change pas.', [{ path: '/slug', keyword: 'const', message: 'slug : ne peut pas changer' }]);
      }
      const organization = await getOrganizationById(knex, dataset.organizationId);
      const merged = withoutNulls({ ...currentMetadata(dataset, organization), ...write.metadata });
      delete merged.slug;
      const metadata = checkMetadataInput(merged);
      let organizationId = dataset.organizationId;
      if (metadata.organization !== organization?.slug) organizationId = (await resolveOrganization(knex, actor, metadata)).id;
      const schema = write.schema === undefined ? {} : readSchemaInput(write.schema, 'schema');
      const updated = await updateDataset(knex, dataset.id, { ...toDatasetPatch(metadata), organizationId, ...schema });
      const changed = [...Object.keys(write.metadata), ...(write.schema === undefined ? [] : ['schema'])];
      await audit.record(actor, 'dataset.update', slug, { fields: changed });
      return updated;
    },
  };
}

export type DatasetWrites = ReturnType<typeof createDatasetWrites>;
