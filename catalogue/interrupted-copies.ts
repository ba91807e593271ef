import fs from 'node:fs';
import path from 'node:path';

/**
 * A publish first copies the upload to `DATA_DIR/sources/<slug>/.incoming-<uuid>` (publish.ts),
 * then renames it once its version exists. A process killed during the copy leaves that file
 * behind, referred to by nothing: removed at start-up, beside the store's own clean-up, and under
 * the same condition (no other live process publishing into the same DATA_DIR).
 */
export const INCOMING_PREFIX = '.incoming-';

export function removeInterruptedCopies(dataDir: string): string[] {
  const sources = path.join(dataDir, 'sources');
  if (!fs.existsSync(sources)) return [];
  const removed: string[] = [];
  for (const entry of fs.readdirSync(sources, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(sources, entry.name);
    for (const name of fs.readdirSync(folder)) {
      if (!name.startsWith(INCOMING_PREFIX)) continue;
      fs.rmSync(path.join(folder, name), { force: true });
      removed.push(path.join(entry.name, name));
    }
  }
  return removed;
}
