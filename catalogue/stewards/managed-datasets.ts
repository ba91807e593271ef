import type { Knex } from 'knex';
import { isAdmin } from '../accounts/permissions';
import type { Actor } from '../accounts/types';
import { getVersion, listDatasets, listOrganizations } from '../storage';
import { latestUploadStatus } from '../storage/uploads-repo';

/** The workspace's home list: the datasets an actor manages, with where each one stands. */
export interface ManagedDataset {
  slug: string;
  title: string;
  organization: { slug: string; title: string };
  version: number | null;
  rows: number | null;
  publishedAt: string | null;
  updatedAt: string;
  loading: boolean;
  /** The newest upload was rejected (the steward has a report to read). */
  lastUploadRejected: boolean;
}

export async function listManagedDatasets(knex: Knex, actor: Actor): Promise<ManagedDataset[]> {
  const organizations = await listOrganizations(knex);
  const visible = isAdmin(actor) ? organizations : organizations.filter((o) => actor.organizationIds.includes(o.id));
  const byId = new Map(visible.map((o) => [o.id, o]));
  const datasets = (await listDatasets(knex)).filter((d) => byId.has(d.organizationId));
  return Promise.all(datasets.map(async (d): Promise<ManagedDataset> => {
    const [current, latest] = await Promise.all([
      d.currentVersionId === null ? undefined : getVersion(knex, d.currentVersionId),
      latestUploadStatus(knex, d.id),
    ]);
    const organization = byId.get(d.organizationId)!;
    return {
      slug: d.slug,
      title: d.title,
      organization: { slug: organization.slug, title: organization.title },
      version: current?.number ?? null,
      rows: current?.rowCount ?? null,
      publishedAt: current?.publishedAt ?? null,
      updatedAt: d.updatedAt,
      loading: latest === 'loading',
      lastUploadRejected: latest === 'rejected',
    };
  }));
}
