import type { Actor } from '../accounts/types';
import { isAdmin } from '../accounts/permissions';
import type { AuditService } from '../audit/audit-log';
import type { DatasetsService } from '../datasets-service';
import type { DatasetDetail } from '../datasets/types';
import type { Report } from '../ingest/report-types';
import { listOrganizations, type OrganizationRecord, type Store } from '../storage';
import { createDatasetWrites, requireManagedDataset, type DatasetWrite, type EditableDataset } from './dataset-writes';
import { listManagedDatasets, type ManagedDataset } from './managed-datasets';
import { createRemoval } from './removal';
import { groupReportErrors, type ReportGroups } from './report-groups';
import { reportInsights, type Insight } from './report-insights';
import { createUploadJobs, type UploadJobs } from './upload-jobs';
import { createUploads, type Uploads } from './uploads';

/**
 * The stewards' use cases (contract section 6, stewards; section 7, `/espace`): their datasets,
 * creating and editing them, uploading versions (dry run or publish), the uploads and their
 * reports, unpublishing and deleting. Every call takes the Actor and checks it: a steward acts
 * inside their organisations, an administrator anywhere; each change goes to the audit log.
 */
export interface StewardsService {
  datasets(actor: Actor): Promise<ManagedDataset[]>;
  /** Where the actor may create datasets. */
  organizations(actor: Actor): Promise<OrganizationRecord[]>;
  /** Resolves when the actor may manage the dataset: not-found, else AccessDeniedError. */
  authorize(actor: Actor, slug: string): Promise<void>;
  editable(actor: Actor, slug: string): Promise<EditableDataset>;
  create(actor: Actor, write: DatasetWrite): Promise<DatasetDetail>;
  update(actor: Actor, slug: string, write: DatasetWrite): Promise<DatasetDetail>;
  unpublish(actor: Actor, slug: string): Promise<{ withdrawn: number | null }>;
  delete(actor: Actor, slug: string): Promise<void>;
  readonly uploads: Uploads;
  /** Browser uploads running in the background, with their progress. */
  readonly jobs: UploadJobs;
  /** What was detected and fixed in a file, and what to fix (report page). */
  insights(report: Report, fields?: readonly string[]): Insight[];
  groups(report: Report): ReportGroups;
}

export function createStewardsService(store: Store, dataDir: string, audit: AuditService, datasets: DatasetsService): StewardsService {
  const writes = createDatasetWrites(store.knex, audit);
  const uploads = createUploads(store, dataDir, audit);
  const removal = createRemoval(store, dataDir, audit);
  return {
    datasets: (actor) => listManagedDatasets(store.knex, actor),
    async organizations(actor) {
      const all = await listOrganizations(store.knex);
      return isAdmin(actor) ? all : all.filter((o) => actor.organizationIds.includes(o.id));
    },
    authorize: async (actor, slug) => void (await requireManagedDataset(store.knex, actor, slug)),
    editable: (actor, slug) => writes.editable(actor, slug),
    create: async (actor, write) => datasets.get((await writes.create(actor, write)).slug),
    update: async (actor, slug, write) => datasets.get((await writes.update(actor, slug, write)).slug),
    unpublish: (actor, slug) => removal.unpublish(actor, slug),
    delete: (actor, slug) => removal.delete(actor, slug),
    uploads,
    jobs: createUploadJobs(uploads),
    insights: reportInsights,
    groups: groupReportErrors,
  };
}

export type { ManagedDataset } from './managed-datasets';
export type { DatasetWrite, EditableDataset } from './dataset-writes';
export type { UploadOutcome, UploadedFile, SourceFile } from './uploads';
export type { UploadView } from './upload-view';
export type { UploadJob } from './upload-jobs';
export type { Insight } from './report-insights';
export type { FindingGroup, ReportGroups } from './report-groups';
export { findingLabel } from './report-groups';
export { metadataEnum, spatialGranularities } from './dataset-input';
