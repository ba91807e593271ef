import type { Knex } from 'knex';

/**
 * The original file's SHA-1 beside its SHA-256: DCAT-AP 2.1.1's shapes only admit SHA-1 checksums
 * (`spdx:checksumAlgorithm_sha1`), and harvesters still validate against 2.1.1. Versions stored
 * before this migration keep a null SHA-1 and simply publish no checksum.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('versions', (table) => {
    table.string('sha1', 40).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('versions', (table) => {
    table.dropColumn('sha1');
  });
}
