import type { DatasetSummary } from '../../catalogue';

export function toHomePage(datasets: DatasetSummary[]) {
  return {
    title: 'Accueil',
    datasetCount: datasets.length,
    datasets: datasets.map((d) => ({
      title: d.title,
      organization: d.organization.title,
      recordCount: d.recordCount,
      version: d.version ?? '—',
    })),
  };
}
