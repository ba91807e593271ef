import type { UploadJob } from '../../../catalogue/stewards/stewards-service';
import { formatBytes, formatNumber } from '../format';
import { workspaceLinks } from './links';

/** A running (or failed) upload job: what it does, how far it got, what to do next. */
export function toJobPage(job: UploadJob) {
  const { bytes, totalBytes, rows } = job.progress;
  const percent = totalBytes > 0 ? Math.min(100, Math.round((bytes / totalBytes) * 100)) : 0;
  return {
    title: job.dryRun ? 'Vérification en cours' : 'Publication en cours',
    breadcrumbs: [{ label: 'Mon espace', href: '/espace' }, { label: job.slug, href: workspaceLinks.dataset(job.slug) }],
    running: job.state === 'running',
    failed: job.state === 'failed',
    error: job.error,
    fileName: job.fileName,
    action: job.dryRun ? 'vérifié' : 'vérifié puis publié s’il est valide',
    percent,
    progressText: totalBytes > 0
      ? `${percent} % lu (${formatBytes(bytes)} sur ${formatBytes(totalBytes)}), ${formatNumber(rows)} lignes traitées`
      : 'Démarrage…',
    refresh: workspaceLinks.job(job.slug, job.id),
    back: workspaceLinks.dataset(job.slug),
  };
}
