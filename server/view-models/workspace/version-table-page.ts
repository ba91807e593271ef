import type { RecordsPage } from '../../../catalogue/records';
import { formatCell } from '../cells';
import { formatNumber } from '../format';
import { workspaceLinks } from './links';

/** An older (or the current) version's rows, 50 at a time: the same records as `/versions/{n}/records`. */
export const TABLE_PAGE_SIZE = 50;

export function toVersionTablePage(slug: string, title: string, page: RecordsPage, offset: number) {
  const total = page.total_count ?? 0;
  const link = (o: number) => `${workspaceLinks.versionTable(slug, page.version)}?debut=${o}`;
  return {
    title: `Version ${page.version} : tableau`,
    breadcrumbs: [{ label: 'Mon espace', href: '/espace' }, { label: slug, href: workspaceLinks.dataset(slug) }],
    datasetTitle: title,
    version: page.version,
    caption: `${title}, version ${page.version} : lignes ${formatNumber(Math.min(offset + 1, total))} à ${formatNumber(offset + page.records.length)} sur ${formatNumber(total)}`,
    columns: page.fields.map((f) => ({ name: f.name, title: f.title ?? f.name })),
    rows: page.records.map((r) => page.fields.map((f) => formatCell(r[f.name], f.type))),
    previous: offset > 0 ? link(Math.max(0, offset - TABLE_PAGE_SIZE)) : null,
    next: offset + page.records.length < total && offset + TABLE_PAGE_SIZE <= 10_000 ? link(offset + TABLE_PAGE_SIZE) : null,
    api: `/api/v1/datasets/${encodeURIComponent(slug)}/versions/${page.version}/records`,
    back: workspaceLinks.dataset(slug),
  };
}
