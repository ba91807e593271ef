import type { ManagedDataset } from '../../../catalogue/stewards/stewards-service';
import { formatDateTime, formatNumber } from '../format';
import { workspaceLinks } from './links';

/** `/espace`: one row per dataset the steward manages, with where it stands and what to do next. */
function statusOf(d: ManagedDataset): string {
  if (d.loading) return 'chargement en cours';
  if (d.version === null) return d.lastUploadRejected ? 'aucune version publiée ; dernier envoi refusé' : 'aucune version publiée';
  return d.lastUploadRejected ? `version ${d.version} en ligne ; dernier envoi refusé` : `version ${d.version} en ligne`;
}

export function toWorkspaceHome(datasets: ManagedDataset[], canCreate: boolean) {
  return {
    title: 'Mon espace',
    canCreate,
    newUrl: workspaceLinks.newDataset(),
    count: datasets.length,
    datasets: datasets.map((d) => ({
      title: d.title,
      slug: d.slug,
      url: workspaceLinks.dataset(d.slug),
      publicUrl: `/datasets/${encodeURIComponent(d.slug)}`,
      organization: d.organization.title,
      status: statusOf(d),
      rows: d.rows === null ? '—' : formatNumber(d.rows),
      updated: formatDateTime(d.publishedAt ?? d.updatedAt),
      attention: d.lastUploadRejected,
    })),
  };
}
