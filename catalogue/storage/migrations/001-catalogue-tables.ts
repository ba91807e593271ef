import type { Knex } from 'knex';

/**
 * The catalogue's own tables. Timestamps are written by the application as ISO strings (never a
 * database default), so both stores hold and return the same text. JSON documents are text columns.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organizations', (t) => {
    t.increments('id');
    t.string('slug', 100).notNullable().unique();
    t.string('title', 200).notNullable();
    t.text('description');
    t.string('url', 2000);
    t.timestamp('created_at').notNullable();
  });

  await knex.schema.createTable('datasets', (t) => {
    t.increments('id');
    t.string('slug', 100).notNullable().unique();
    t.integer('organization_id').notNullable().references('id').inTable('organizations').onDelete('RESTRICT');
    t.string('title', 200).notNullable();
    t.text('description').notNullable();
    t.string('licence', 50).notNullable();
    t.text('themes').notNullable().defaultTo('[]');
    t.text('keywords').notNullable().defaultTo('[]');
    t.string('frequency', 30);
    t.text('spatial');
    t.text('temporal');
    t.text('contact');
    t.boolean('demo').notNullable().defaultTo(false);
    t.text('row_schema').notNullable();
    t.text('schema_source');
    t.text('schema_warnings');
    t.string('source_fingerprint', 200);
    t.timestamp('created_at').notNullable();
    t.timestamp('updated_at').notNullable();
    t.index(['organization_id']);
  });

  await knex.schema.createTable('versions', (t) => {
    t.increments('id');
    t.integer('dataset_id').notNullable().references('id').inTable('datasets').onDelete('CASCADE');
    // Only published versions take a number; NULLs do not clash in a unique constraint.
    t.integer('number');
    t.enu('status', ['loading', 'published', 'rejected', 'superseded']).notNullable();
    t.string('source_name', 500).notNullable();
    t.string('source_path', 1000);
    t.bigInteger('bytes').notNullable();
    t.string('sha256', 64).notNullable();
    t.text('dialect');
    t.text('report');
    t.bigInteger('row_count');
    t.string('table_name', 63);
    t.string('author', 200);
    t.text('note');
    t.timestamp('created_at').notNullable();
    t.timestamp('published_at');
    t.unique(['dataset_id', 'number']);
    t.index(['dataset_id', 'status']);
    t.index(['status']);
  });

  // datasets ⇄ versions reference each other, so this column comes once both exist. Plain SQL that
  // both stores accept: knex would rebuild the whole table on SQLite to add a foreign key.
  await knex.schema.raw(
    'ALTER TABLE datasets ADD COLUMN current_version_id integer NULL REFERENCES versions (id) ON DELETE SET NULL',
  );

  await knex.schema.createTable('fields', (t) => {
    t.integer('version_id').notNullable().references('id').inTable('versions').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.text('name').notNullable();
    t.string('column_name', 63).notNullable();
    t.string('kind', 20).notNullable();
    t.text('title');
    t.text('description');
    t.primary(['version_id', 'position']);
  });

  await knex.schema.createTable('column_profiles', (t) => {
    t.integer('version_id').notNullable().references('id').inTable('versions').onDelete('CASCADE');
    t.text('field').notNullable();
    t.bigInteger('nulls').notNullable();
    t.bigInteger('distinct_count').notNullable();
    t.boolean('distinct_approximate').notNullable().defaultTo(false);
    t.text('min');
    t.text('max');
    t.text('top_values').notNullable().defaultTo('[]');
    t.boolean('top_approximate').notNullable().defaultTo(false);
    t.primary(['version_id', 'field']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('column_profiles');
  await knex.schema.dropTableIfExists('fields');
  await knex.schema.table('datasets', (t) => t.dropColumn('current_version_id'));
  await knex.schema.dropTableIfExists('versions');
  await knex.schema.dropTableIfExists('datasets');
  await knex.schema.dropTableIfExists('organizations');
}
