import type { DatasetDetail } from '../../../catalogue/datasets/types';
import type { UploadView } from '../../../catalogue/stewards/stewards-service';
import { formatBytes, formatDateTime, formatNumber } from '../format';
import { workspaceLinks } from './links';

/**
 * A dataset in the workspace: where it stands, the upload form (check only, or publish), the
 * version history (number, date, author, rows, size, sha256, status, original file, table,
 * report, diff with the previous one) and the refused or running uploads.
 */
const STATUS: Record<string, string> = {
  published: 'en ligne',
  superseded: 'remplacée',
  rejected: 'refusé',
  loading: 'chargement en cours',
};

export interface DatasetPageInputs {
  detail: DatasetDetail;
  uploads: UploadView[];
  maxUploadMb: number;
}

export function toWorkspaceDatasetPage({ detail, uploads, maxUploadMb }: DatasetPageInputs) {
  const slug = detail.slug;
  const versions = uploads.filter((u) => u.number !== null).sort((a, b) => b.number! - a.number!);
  const others = uploads.filter((u) => u.number === null);
  const loading = uploads.some((u) => u.status === 'loading');
  return {
    title: detail.title,
    breadcrumbs: [{ label: 'Mon espace', href: '/espace' }],
    slug,
    organization: detail.organization.title,
    current: detail.version === null ? null : { n: detail.version, rows: formatNumber(detail.record_count) },
    loading,
    links: {
      metadata: workspaceLinks.metadata(slug),
      schema: workspaceLinks.schema(slug),
      publicPage: workspaceLinks.publicPage(slug),
      unpublish: detail.version === null ? null : workspaceLinks.unpublish(slug),
      delete: workspaceLinks.delete(slug),
      diff: versions.length >= 2 ? workspaceLinks.diff(slug) : null,
    },
    upload: { action: workspaceLinks.uploads(slug), maxMb: maxUploadMb, hintId: 'fichier-aide' },
    versions: versions.map((v) => ({
      n: v.number,
      date: formatDateTime(v.published_at ?? v.created_at),
      author: v.author ?? '—',
      rows: v.rows === null ? '—' : formatNumber(v.rows),
      size: formatBytes(v.bytes),
      sha256: v.sha256,
      sourceName: v.source_name,
      status: STATUS[v.status] ?? v.status,
      current: v.status === 'published',
      source: workspaceLinks.versionSource(slug, v.number!),
      table: workspaceLinks.versionTable(slug, v.number!),
      report: workspaceLinks.report(slug, v.id),
      diff: v.number! > 1 && versions.some((p) => p.number === v.number! - 1) ? workspaceLinks.diff(slug, v.number! - 1, v.number!) : null,
    })),
    uploads: others.map((u) => ({
      date: formatDateTime(u.created_at),
      author: u.author ?? '—',
      sourceName: u.source_name,
      size: formatBytes(u.bytes),
      status: STATUS[u.status] ?? u.status,
      errors: u.errors === null ? '—' : formatNumber(u.errors),
      note: u.note,
      report: u.status === 'loading' ? null : workspaceLinks.report(slug, u.id),
      source: workspaceLinks.uploadSource(slug, u.id),
    })),
  };
}
