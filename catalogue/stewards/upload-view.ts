import type { VersionRecord, VersionStatus } from '../storage';

/** An upload as stewards list it (`GET …/uploads`): every version row, rejected ones included. */
export interface UploadView {
  id: number;
  /** Null unless published (rejected uploads never take a number). */
  number: number | null;
  status: VersionStatus;
  created_at: string;
  published_at: string | null;
  author: string | null;
  source_name: string;
  bytes: number;
  sha256: string;
  rows: number | null;
  valid: boolean | null;
  errors: number | null;
  warnings: number | null;
  note: string | null;
  links: { api: string; source: string };
}

const seg = encodeURIComponent;

export function toUploadView(slug: string, v: VersionRecord): UploadView {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    created_at: v.createdAt,
    published_at: v.publishedAt,
    author: v.author,
    source_name: v.sourceName,
    bytes: v.bytes,
    sha256: v.sha256,
    rows: v.rowCount,
    valid: v.report ? v.report.valid : null,
    errors: v.report ? v.report.stats.errors : null,
    warnings: v.report ? v.report.stats.warnings : null,
    note: v.note,
    links: {
      api: `/api/v1/datasets/${seg(slug)}/uploads/${v.id}`,
      source: `/api/v1/datasets/${seg(slug)}/uploads/${v.id}/source`,
    },
  };
}
