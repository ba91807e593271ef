import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder per test file, removed after all its tests. */
export function useTempDir(): () => string {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-test-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

let counter = 0;

/** Writes bytes (or a string as UTF-8) to a new file in `dir` and returns its path. */
export function writeTemp(dir: string, content: Buffer | string, name = `file-${++counter}.csv`): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
