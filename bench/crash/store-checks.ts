import type { Store } from '../../catalogue/storage';

/**
 * What must hold in a store after any crash and restart, checked directly in the database (the
 * server stopped): no version left `loading`; version tables (and their full-text / geo
 * companions) exactly those of published and superseded versions; each dataset's current version
 * published, its own, the only published one, with as many rows as it says; no dangling reference
 * between catalogue tables; and on SQLite, `PRAGMA integrity_check` and `foreign_key_check`.
 * Returns the problems found, in French; empty means consistent.
 */
const VERSION_TABLE_FAMILY = /^(rec_\d+_\d+)(_[a-z0-9_]+)?$/;

/** Child column → parent table, every foreign key of the catalogue tables that a crash could leave dangling. */
const REFERENCES: ReadonlyArray<{ table: string; column: string; parent: string }> = [
  { table: 'datasets', column: 'organization_id', parent: 'organizations' },
  { table: 'datasets', column: 'current_version_id', parent: 'versions' },
  { table: 'versions', column: 'dataset_id', parent: 'datasets' },
  { table: 'fields', column: 'version_id', parent: 'versions' },
  { table: 'column_profiles', column: 'version_id', parent: 'versions' },
];

export async function checkStoreConsistency(store: Store): Promise<string[]> {
  const { knex } = store;
  const problems: string[] = [];

  const loading = await knex('versions').where({ status: 'loading' }).pluck('id');
  if (loading.length) problems.push(`version(s) encore « loading » : ${loading.join(', ')}`);

  const kept: Array<{ id: number; table_name: string | null }> = await knex('versions').whereIn('status', ['published', 'superseded']).select('id', 'table_name');
  const keptTables = new Set(kept.map((v) => v.table_name).filter((t): t is string => t !== null));
  const tables = await store.dialect.listTables(knex);
  const present = new Set(tables);
  for (const table of tables) {
    const family = VERSION_TABLE_FAMILY.exec(table);
    if (family && !keptTables.has(family[1])) problems.push(`table orpheline : ${table}`);
  }
  for (const v of kept) {
    if (!v.table_name || !present.has(v.table_name)) problems.push(`version ${v.id} publiée sans sa table (${v.table_name ?? 'aucune'})`);
  }

  for (const ref of REFERENCES) {
    const dangling = await knex(ref.table)
      .whereNotNull(ref.column)
      .whereNotExists(knex(ref.parent).select(knex.raw('1')).whereRaw('??.id = ??.??', [ref.parent, ref.table, ref.column]))
      .count({ n: '*' });
    if (Number(dangling[0].n) > 0) problems.push(`${dangling[0].n} référence(s) ${ref.table}.${ref.column} sans ligne dans ${ref.parent}`);
  }

  const datasets: Array<{ id: number; slug: string; current_version_id: number | null }> = await knex('datasets').select('id', 'slug', 'current_version_id');
  for (const d of datasets) {
    const published: Array<{ id: number; row_count: number | string | null; table_name: string | null }> = await knex('versions')
      .where({ dataset_id: d.id, status: 'published' }).select('id', 'row_count', 'table_name');
    if (published.length > 1) problems.push(`${d.slug} : ${published.length} versions publiées à la fois`);
    const current = published.find((v) => v.id === d.current_version_id);
    if (d.current_version_id !== null && !current) problems.push(`${d.slug} : la version courante ${d.current_version_id} n’est pas publiée ou pas la sienne`);
    if (d.current_version_id === null && published.length > 0) problems.push(`${d.slug} : une version publiée mais aucune version courante`);
    if (current?.table_name && present.has(current.table_name)) {
      const [{ n }] = await knex(current.table_name).count({ n: '*' });
      if (Number(n) !== Number(current.row_count)) problems.push(`${d.slug} : ${n} lignes dans ${current.table_name}, ${current.row_count} annoncées`);
      const [{ f }] = await knex('fields').where({ version_id: current.id }).count({ f: '*' });
      if (Number(f) === 0) problems.push(`${d.slug} : la version courante n’a pas de champs`);
    }
  }

  if (store.kind === 'sqlite') problems.push(...(await sqliteIntegrity(store)));
  return problems;
}

async function sqliteIntegrity(store: Store): Promise<string[]> {
  const problems: string[] = [];
  const integrity: Array<{ integrity_check: string }> = await store.knex.raw('PRAGMA integrity_check');
  const verdict = integrity.map((r) => r.integrity_check);
  if (verdict.length !== 1 || verdict[0] !== 'ok') problems.push(`PRAGMA integrity_check : ${verdict.slice(0, 5).join(' ; ')}`);
  const foreign: Array<{ table: string; parent: string }> = await store.knex.raw('PRAGMA foreign_key_check');
  if (foreign.length) problems.push(`PRAGMA foreign_key_check : ${foreign.length} ligne(s), p. ex. ${foreign[0].table} → ${foreign[0].parent}`);
  return problems;
}
