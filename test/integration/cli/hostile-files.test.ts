import path from 'node:path';
import { runCliCaptured as cli } from '../../support/run-cli';
import { FIXTURE_DATASETS } from '../../support/test-catalogue';
import { useTempDir, writeTemp } from '../../support/temp-files';
import { gzipBomb, nulFile, xlsxFile, zipBomb } from '../../fixtures/hostile-files';

/**
 * `opendata validate` refuses archives and binary files renamed `.csv` the way the API does:
 * exit 1 (invalid), the French message in the text report and an `encoding-error` in the JSON one.
 */
const tmp = useTempDir();
const SCHEMA = path.join(FIXTURE_DATASETS, 'communes-test', 'schema.json');

describe('opendata validate on a file that is not CSV', () => {
  it.each([
    { name: 'zip bomb', bytes: zipBomb, says: /archive ZIP/ },
    { name: 'gzip bomb', bytes: gzipBomb, says: /archive gzip/ },
    { name: 'xlsx', bytes: xlsxFile, says: /classeur Excel \(\.xlsx\)/ },
    { name: 'NUL bytes', bytes: nulFile, says: /octets nuls/ },
  ])('$name: exits 1 and says what the file is', async ({ bytes, says }) => {
    const file = writeTemp(tmp(), bytes());
    const text = await cli(['validate', file, '--schema', SCHEMA]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(says);
    const json = await cli(['validate', file, '--schema', SCHEMA, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, stats: { rows: 0 }, errors: [{ code: 'encoding-error', message: expect.stringMatching(says) }] });
  });
});
