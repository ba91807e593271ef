import { CatalogueError } from '../errors';
import {
  getDatasetBySlug, getOrganizationById, getVersion, listFields, listProfiles,
  type DatasetRecord, type Db, type StoredColumnProfile, type VersionField, type VersionRecord,
} from '../storage';
import { columnKind } from '../validation/columns';
import type { JsonSchema, RowSchema } from '../validation/row-schema';
import { toListItem } from './catalogue-entries';
import { licenceTitle } from './licences';
import { datasetLinks } from './links';
import type { ColumnProfileView, DatasetDetail, FieldDescription, OrganizationRef } from './types';

/**
 * One dataset: its metadata, the fields and column profiles of the current version (profiles were
 * computed during the load and are only read here: never a scan of the records), and its links.
 */
export async function requireDataset(db: Db, slug: string): Promise<DatasetRecord> {
  const dataset = await getDatasetBySlug(db, slug);
  if (!dataset) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'existe pas.`);
  return dataset;
}

/** Before anything is published, the fields come from the row schema itself. */
function fieldsFromSchema(schema: RowSchema): FieldDescription[] {
  return Object.entries(schema.properties).map(([name, raw]) => {
    const property: JsonSchema = raw && typeof raw === 'object' ? raw : {};
    return {
      name,
      type: columnKind(property),
      title: typeof property.title === 'string' ? property.title : null,
      description: typeof property.description === 'string' ? property.description : null,
    };
  });
}

function toFieldDescription(field: VersionField): FieldDescription {
  return { name: field.name, type: field.kind, title: field.title, description: field.description };
}

function toProfileView(p: StoredColumnProfile): ColumnProfileView {
  return {
    nulls: p.nulls,
    distinct: p.distinct,
    distinct_approximate: p.distinctApproximate ?? false,
    min: p.min,
    max: p.max,
    top: p.top,
    top_approximate: p.topApproximate ?? false,
  };
}

/** Exports offered: GeoJSON only when records carry coordinates or a geometry (not a commune code). */
function exportLinks(slug: string, schema: RowSchema): Record<string, string> {
  const geo = schema['x-geo'];
  const formats = ['csv', 'json', 'ndjson', ...(geo?.latitude || geo?.geometry ? ['geojson'] : [])];
  return Object.fromEntries(formats.map((f) => [f, datasetLinks.export(slug, f)]));
}

export async function getDatasetDetail(db: Db, slug: string): Promise<DatasetDetail> {
  const dataset = await requireDataset(db, slug);
  const [organization, version] = await Promise.all([
    getOrganizationById(db, dataset.organizationId),
    dataset.currentVersionId === null ? Promise.resolve(undefined) : getVersion(db, dataset.currentVersionId),
  ]);
  const [fields, profiles] = version ? await Promise.all([listFields(db, version.id), listProfiles(db, version.id)]) : [[], []];
  return toDatasetDetail(dataset, organization, version, fields, profiles);
}

function toDatasetDetail(
  dataset: DatasetRecord,
  organization: OrganizationRef | undefined,
  version: VersionRecord | undefined,
  fields: VersionField[],
  profiles: StoredColumnProfile[],
): DatasetDetail {
  const { links: listLinks, ...item } = toListItem({ dataset, organization, version });
  void listLinks;
  const slug = dataset.slug;
  return {
    ...item,
    licence_title: licenceTitle(dataset.licence),
    frequency: dataset.frequency,
    spatial: dataset.spatial,
    temporal: dataset.temporal,
    contact: dataset.contact,
    demo: dataset.demo,
    created_at: dataset.createdAt,
    published_at: version?.publishedAt ?? null,
    primary_key: dataset.rowSchema['x-primaryKey'] ?? [],
    fields: version ? fields.map(toFieldDescription) : fieldsFromSchema(dataset.rowSchema),
    profile: Object.fromEntries(profiles.map((p) => [p.field, toProfileView(p)])),
    links: {
      html: datasetLinks.html(slug),
      api: datasetLinks.api(slug),
      schema: datasetLinks.schema(slug),
      records: datasetLinks.records(slug),
      versions: datasetLinks.versions(slug),
      openapi: datasetLinks.openapi(slug),
      exports: exportLinks(slug, dataset.rowSchema),
    },
  };
}
