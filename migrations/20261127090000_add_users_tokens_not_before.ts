import type { Knex } from 'knex';

/**
 * The instant before which a user's tokens are void (set by a password change), kept in MySQL as
 * well as in Redis: if Redis loses its data, reconciliation voids those tokens again instead of
 * letting them live until they expire.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.datetime('tokens_not_before', { precision: 3 }).nullable();
    // Reconciliation looks up the accounts changed within a token's lifetime.
    t.index(['tokens_not_before'], 'users_tokens_not_before_idx');
    t.index(['deleted_at'], 'users_deleted_at_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropIndex(['deleted_at'], 'users_deleted_at_idx');
    t.dropIndex(['tokens_not_before'], 'users_tokens_not_before_idx');
    t.dropColumn('tokens_not_before');
  });
}
