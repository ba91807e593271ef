import { isVersionTableName } from './sql-identifiers';
import type { Store } from './store-types';
import { dropVersionTable } from './version-table';

export interface CleanupSummary {
  /** Versions found `loading` (their load was interrupted), now rejected. */
  rejectedVersionIds: number[];
  droppedTables: string[];
}

export const INTERRUPTED_NOTE = 'Chargement interrompu (arrêt ou panne du service) : version rejetée au redémarrage.';

/**
 * Run at start-up, before any load: a version still `loading` belongs to a process that died, so
 * it is rejected with a note, and every version table that no published or superseded version
 * points at is dropped. Nothing half-loaded stays behind. Not for a store that another live
 * process is loading into at the same moment: its load would be taken for a crashed one.
 */
export async function cleanupLeftovers(store: Store): Promise<CleanupSummary> {
  const { knex } = store;
  const loading: number[] = (await knex('versions').where({ status: 'loading' }).pluck('id')).map(Number);
  if (loading.length > 0) {
    await knex('versions').whereIn('id', loading).update({ status: 'rejected', note: INTERRUPTED_NOTE });
  }
  const kept = new Set<string>(
    await knex('versions').whereIn('status', ['published', 'superseded']).whereNotNull('table_name').pluck('table_name'),
  );
  const orphans = (await store.dialect.listTables(knex)).filter((t) => isVersionTableName(t) && !kept.has(t)).sort();
  for (const table of orphans) await dropVersionTable(store, table);
  return { rejectedVersionIds: loading, droppedTables: orphans };
}
