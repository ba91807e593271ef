import type { Report } from '../../../catalogue/ingest/report-types';
import type { Insight, ReportGroups } from '../../../catalogue/stewards/stewards-service';
import { findingLabel } from '../../../catalogue/stewards/stewards-service';
import type { Finding } from '../../../catalogue/validation/findings';
import { formatBytes, formatNumber } from '../format';
import { workspaceLinks } from './links';

/**
 * The validation report page: the verdict, what was detected in the file and what was fixed or is
 * to fix, errors grouped by column and by rule (counts, first rows), then every error with its row,
 * column, value and French message, and the downloads (CSV, JSON).
 */
export interface ReportPageInputs {
  slug: string;
  report: Report;
  insights: Insight[];
  groups: ReportGroups;
  /** check: dry run; published: became a version; rejected: refused, nothing published. */
  mode: 'check' | 'published' | 'rejected' | 'superseded';
  version?: number | null;
  uploadedAt?: string;
  author?: string | null;
  downloads: { csv: string; json: string; source?: string };
}

const DELIMITERS: Record<string, string> = { ',': 'virgule', ';': 'point-virgule', '\t': 'tabulation', '|': 'barre verticale' };
const LINE_ENDINGS: Record<string, string> = { '\r\n': 'CRLF (Windows)', '\n': 'LF (Unix)', '\r': 'CR', mixed: 'mélangées' };
const INSIGHT_LABELS = { detected: 'Détecté', applied: 'Corrigé à la lecture', suggested: 'À corriger' } as const;

function verdict(inputs: ReportPageInputs): { text: string; ok: boolean } {
  const { report, mode, version } = inputs;
  if (mode === 'published' || mode === 'superseded') return { text: `Fichier valide : publié comme version ${version}.`, ok: true };
  if (mode === 'check') {
    return report.valid
      ? { text: 'Fichier valide : il peut être publié.', ok: true }
      : { text: 'Fichier invalide : il ne pourrait pas être publié en l’état.', ok: false };
  }
  return { text: 'Fichier invalide : rien n’a été publié ; la version en ligne reste inchangée.', ok: false };
}

const toRow = (f: Finding) => ({
  row: f.row ?? '—',
  column: f.column ?? '—',
  field: f.field ?? '—',
  value: f.value ?? '',
  hasValue: f.value !== undefined,
  label: findingLabel(f),
  message: f.message,
});

export function toReportPage(inputs: ReportPageInputs) {
  const { report, slug } = inputs;
  const { stats, dialect } = report;
  const v = verdict(inputs);
  return {
    title: inputs.mode === 'check' ? 'Rapport de vérification' : 'Rapport de validation',
    breadcrumbs: [{ label: 'Mon espace', href: '/espace' }, { label: slug, href: workspaceLinks.dataset(slug) }],
    verdict: v.text,
    valid: v.ok,
    source: { name: report.source.name, size: formatBytes(report.source.bytes), sha256: report.source.sha256 },
    uploadedAt: inputs.uploadedAt ?? null,
    author: inputs.author ?? null,
    stats: {
      rows: formatNumber(stats.rows), validRows: formatNumber(stats.validRows), invalidRows: formatNumber(stats.invalidRows),
      errors: formatNumber(stats.errors), warnings: formatNumber(stats.warnings),
    },
    dialect: {
      encoding: dialect.encoding, bom: dialect.bom ? 'oui' : 'non', delimiter: DELIMITERS[dialect.delimiter] ?? dialect.delimiter,
      lineTerminator: LINE_ENDINGS[dialect.lineTerminator] ?? dialect.lineTerminator, decimal: dialect.decimalSeparator === ',' ? 'virgule' : 'point',
      header: dialect.header.join(' · '),
    },
    insights: inputs.insights.map((i) => ({ label: INSIGHT_LABELS[i.kind], kind: i.kind, message: i.message })),
    partial: inputs.groups.partial,
    shown: formatNumber(report.errors.length),
    byColumn: inputs.groups.byColumn.map((g) => ({ label: g.label, count: formatNumber(g.count), caption: `Premières erreurs : ${g.label}`, examples: g.examples.map(toRow) })),
    byRule: inputs.groups.byRule.map((g) => ({ label: g.label, count: formatNumber(g.count), caption: `Premières erreurs : ${g.label}`, examples: g.examples.map(toRow) })),
    errors: report.errors.map(toRow),
    warnings: report.warnings.map(toRow),
    truncated: report.truncated,
    downloads: inputs.downloads,
    back: workspaceLinks.dataset(slug),
  };
}
