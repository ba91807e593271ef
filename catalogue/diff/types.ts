/** What a diff between two versions of a dataset answers (contract section 6, `…/diff`). */
export interface DiffRequest {
  from?: number;
  to?: number;
  /** Rows shown of each kind (default 20, at most 100). */
  sampleSize?: number;
}

export interface ChangedRow {
  /** The row's key (primary key values joined by `,`, as `/records/{id}` takes them). */
  key: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** Columns whose value differs: what a page highlights. */
  fields: string[];
}

export interface VersionDiff {
  dataset: string;
  from: number;
  to: number;
  /** The primary key compared on; null when rows are matched by row number. */
  key: string[] | null;
  added: number;
  removed: number;
  changed: number;
  columns: { added: string[]; removed: string[]; compared: string[] };
  samples: {
    added: Array<Record<string, unknown>>;
    removed: Array<Record<string, unknown>>;
    changed: ChangedRow[];
  };
}
