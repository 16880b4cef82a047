import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('items', (t) => {
    t.bigIncrements('id').unsigned().primary();
    t.bigInteger('seller_id').unsigned().notNullable().references('id').inTable('users');
    t.string('title', 200).notNullable();
    t.text('description').notNullable();
    t.bigInteger('price').unsigned().notNullable();
    t.datetime('available_at', { precision: 3 }).nullable();
    t.datetime('end_at', { precision: 3 }).nullable();
    t.datetime('created_at', { precision: 3 }).notNullable().defaultTo(knex.raw('CURRENT_TIMESTAMP(3)'));
    t.datetime('updated_at', { precision: 3 }).notNullable().defaultTo(knex.raw('CURRENT_TIMESTAMP(3)'));
    t.datetime('deleted_at', { precision: 3 }).nullable();
    // Browsing: live items, newest first.
    t.index(['deleted_at', 'id'], 'items_browse_idx');
    t.index(['seller_id'], 'items_seller_idx');
  });
  await knex.raw('ALTER TABLE items ADD CONSTRAINT items_price_positive CHECK (price > 0)');
  await knex.raw(
    'ALTER TABLE items ADD CONSTRAINT items_window_ordered CHECK (end_at IS NULL OR available_at IS NULL OR end_at > available_at)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('items');
}
