import type { Knex } from 'knex';

/**
 * Stewards' accounts (contract section 6): accounts with a role, the organisations a steward
 * publishes for, server-side sessions, API tokens and the audit log. Secrets are never stored
 * as given: passwords as argon2id hashes, session ids and API tokens as SHA-256 digests (both
 * are long random values, so a fast digest is enough and a stolen table holds nothing usable).
 * Timestamps are ISO strings written by the application, like the catalogue tables.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('accounts', (t) => {
    t.increments('id');
    t.string('email', 320).notNullable().unique();
    t.string('display_name', 200);
    t.enu('role', ['admin', 'steward']).notNullable();
    // Null: the account cannot log in with a password (API tokens only) until one is set.
    t.string('password_hash', 300);
    t.boolean('disabled').notNullable().defaultTo(false);
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until');
    t.timestamp('last_login_at');
    t.timestamp('created_at').notNullable();
    t.timestamp('updated_at').notNullable();
  });

  await knex.schema.createTable('account_organizations', (t) => {
    t.integer('account_id').notNullable().references('id').inTable('accounts').onDelete('CASCADE');
    t.integer('organization_id').notNullable().references('id').inTable('organizations').onDelete('CASCADE');
    t.primary(['account_id', 'organization_id']);
    t.index(['organization_id']);
  });

  await knex.schema.createTable('sessions', (t) => {
    t.string('id_hash', 64).primary();
    t.integer('account_id').references('id').inTable('accounts').onDelete('CASCADE');
    t.text('data').notNullable();
    t.timestamp('expires_at').notNullable();
    t.timestamp('created_at').notNullable();
    t.index(['expires_at']);
    t.index(['account_id']);
  });

  await knex.schema.createTable('api_tokens', (t) => {
    t.increments('id');
    t.integer('account_id').notNullable().references('id').inTable('accounts').onDelete('CASCADE');
    t.string('name', 100).notNullable().unique();
    t.string('token_hash', 64).notNullable().unique();
    // The first characters, to recognise a token in a list without keeping it.
    t.string('prefix', 20).notNullable();
    t.timestamp('created_at').notNullable();
    t.timestamp('last_used_at');
    t.timestamp('revoked_at');
    t.index(['account_id']);
  });

  await knex.schema.createTable('audit_events', (t) => {
    t.increments('id');
    t.timestamp('at').notNullable();
    // Kept when the account is deleted: the log says who it was by e-mail.
    t.integer('account_id').references('id').inTable('accounts').onDelete('SET NULL');
    t.string('actor', 320).notNullable();
    t.string('via', 20).notNullable();
    t.string('ip', 100);
    t.string('action', 60).notNullable();
    t.string('target', 300);
    t.text('details');
    t.index(['at']);
    t.index(['action']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('audit_events');
  await knex.schema.dropTableIfExists('api_tokens');
  await knex.schema.dropTableIfExists('sessions');
  await knex.schema.dropTableIfExists('account_organizations');
  await knex.schema.dropTableIfExists('accounts');
}
