import type { Store } from '../storage';
import { compareVersions } from './compare-versions';
import type { DiffRequest, VersionDiff } from './types';

/** Row-level diffs between versions of a dataset, by primary key (public: versions are public). */
export interface DiffService {
  compare(slug: string, request?: DiffRequest): Promise<VersionDiff>;
}

export function createDiffService(store: Store): DiffService {
  return { compare: (slug, request = {}) => compareVersions(store, slug, request) };
}

export type { DiffRequest, VersionDiff, ChangedRow } from './types';
export { DIFF_SAMPLE } from './compare-versions';
