import type { VersionDiff } from '../../../catalogue/diff/diff-service';
import type { VersionView } from '../../../catalogue/datasets/types';
import { formatCell } from '../cells';
import { formatNumber } from '../format';
import { workspaceLinks } from './links';

/**
 * Differences between two versions: counts of rows added, removed and changed, then the first
 * rows of each; a changed row shows every compared column, the changed cells as « ancienne »
 * (del) → « nouvelle » (ins), so the change reads without colour too.
 */
export interface DiffPageInputs {
  slug: string;
  title: string;
  versions: VersionView[];
  diff: VersionDiff | null;
  from: number | undefined;
  to: number | undefined;
  kinds: Record<string, string>;
}

const text = (value: unknown, kind: string) => formatCell(value, kind).text;

export function toDiffPage({ slug, title, versions, diff, from, to, kinds }: DiffPageInputs) {
  const option = (n: number, chosen: number | undefined) => ({ value: n, label: `version ${n}`, selected: n === chosen });
  const kindOf = (name: string) => kinds[name] ?? 'string';
  const columnsOf = (records: Array<Record<string, unknown>>) => (records[0] ? Object.keys(records[0]) : []);
  return {
    title: 'Comparer deux versions',
    breadcrumbs: [{ label: 'Mon espace', href: '/espace' }, { label: slug, href: workspaceLinks.dataset(slug) }],
    datasetTitle: title,
    action: workspaceLinks.diff(slug),
    fromOptions: versions.map((v) => option(v.number, from)),
    toOptions: versions.map((v) => option(v.number, to)),
    api: diff ? `/api/v1/datasets/${encodeURIComponent(slug)}/diff?from=${diff.from}&to=${diff.to}` : null,
    diff: diff && {
      from: diff.from,
      to: diff.to,
      key: diff.key ? diff.key.join(', ') : null,
      added: formatNumber(diff.added),
      removed: formatNumber(diff.removed),
      changed: formatNumber(diff.changed),
      columnsAdded: diff.columns.added.join(', '),
      columnsRemoved: diff.columns.removed.join(', '),
      addedTable: {
        caption: `Premières lignes ajoutées dans la version ${diff.to}`,
        columns: columnsOf(diff.samples.added),
        rows: diff.samples.added.map((r) => Object.entries(r).map(([k, v]) => text(v, kindOf(k)))),
      },
      removedTable: {
        caption: `Premières lignes supprimées depuis la version ${diff.from}`,
        columns: columnsOf(diff.samples.removed),
        rows: diff.samples.removed.map((r) => Object.entries(r).map(([k, v]) => text(v, kindOf(k)))),
      },
      changedRows: diff.samples.changed.map((c) => {
        const changed = new Set(c.fields);
        return {
          key: c.key,
          cells: diff.columns.compared.map((name) => ({
            name,
            changed: changed.has(name),
            before: text(c.before[name], kindOf(name)),
            after: text(c.after[name], kindOf(name)),
          })),
        };
      }),
      hasAdded: diff.samples.added.length > 0,
      hasRemoved: diff.samples.removed.length > 0,
    },
    back: workspaceLinks.dataset(slug),
  };
}
