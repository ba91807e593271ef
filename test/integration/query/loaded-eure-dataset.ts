import fs from 'node:fs';
import { openStatementRunner } from '../../../catalogue/query/read-pool/open-runner';
import type { StatementRunner } from '../../../catalogue/query/statement-runner';
import { createTestCatalogue, type TestCatalogue } from '../../support/test-catalogue';
import { VARIANTS, writeDatasetFolders, type SourceRow } from './eure-dataset';

/**
 * For a whole test file: a test catalogue on the store under test with the Eure dataset (first
 * variant) loaded from `rows`, and a statement runner as the records service opens one (its
 * reader threads start only if used). `ready` receives them once loaded; all is released after.
 */
export interface LoadedEureDataset {
  t: TestCatalogue;
  runner: StatementRunner;
}

export function useLoadedEureDataset(rows: readonly SourceRow[], ready: (loaded: LoadedEureDataset) => void): void {
  let loaded: LoadedEureDataset | undefined;
  let folder: string | undefined;
  beforeAll(async () => {
    const t = await createTestCatalogue();
    loaded = { t, runner: openStatementRunner(t.catalogue.store) };
    folder = writeDatasetFolders(rows, [VARIANTS[0]]);
    expect((await t.catalogue.loadDatasets(folder))[0].status).toBe('published');
    ready(loaded);
  });
  afterAll(async () => {
    await loaded?.runner.close();
    await loaded?.t.cleanup();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });
}
