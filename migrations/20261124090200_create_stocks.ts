import type { Knex } from 'knex';

/**
 * Stock lives apart from items so that the hot stock row locks nothing else.
 * `supplied` is what the seller has put up in all (initial stock plus adjustments): with it the
 * no-oversell invariant reads supplied + refunded = quantity + paid, whatever the seller changed.
 * `version` grows with every change so that the Redis gate only ever moves forward (stale writes
 * from a slower process are ignored).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('stocks', (t) => {
    t.bigInteger('item_id').unsigned().primary().references('id').inTable('items');
    t.integer('quantity').unsigned().notNullable();
    t.bigInteger('supplied').unsigned().notNullable();
    t.bigInteger('version').unsigned().notNullable().defaultTo(0);
    t.datetime('updated_at', { precision: 3 }).notNullable().defaultTo(knex.raw('CURRENT_TIMESTAMP(3)'));
  });
  await knex.raw('ALTER TABLE stocks ADD CONSTRAINT stocks_quantity_non_negative CHECK (quantity >= 0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('stocks');
}
