import type { Knex } from 'knex';

/**
 * At most one load in progress per dataset: a second publish started while one is loading gets a
 * unique violation at once, which the publish turns into a `conflict` (HTTP 409). A partial
 * unique index does it on both stores, without a lock table.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw("CREATE UNIQUE INDEX versions_one_loading_per_dataset ON versions (dataset_id) WHERE status = 'loading'");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX versions_one_loading_per_dataset');
}
