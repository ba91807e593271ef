import fs from 'node:fs';
import path from 'node:path';

/**
 * Conformance tests read the real reference files of ../shared/data. Where that folder is absent
 * they say so and skip; CI sets REQUIRE_SHARED=1 so that a missing folder fails the run instead.
 */
export const SHARED_DATA = path.resolve(__dirname, '../../../shared/data');
export const hasSharedData = fs.existsSync(SHARED_DATA);

if (!hasSharedData) {
  if (process.env.REQUIRE_SHARED === '1') {
    throw new Error(`REQUIRE_SHARED=1 but ${SHARED_DATA} is missing`);
  }
  // eslint-disable-next-line no-console
  console.warn(`../shared/data is absent (${SHARED_DATA}): conformance tests are skipped`);
}

/** `describe` when the shared data is present, `describe.skip` (announced above) otherwise. */
export const describeShared: jest.Describe = hasSharedData ? describe : describe.skip;

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}
