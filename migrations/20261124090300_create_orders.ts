import type { Knex } from 'knex';

const ORDER_STATUSES = ['INITIATED', 'IN_PROGRESS', 'PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED'];

/**
 * Order ids are not AUTO_INCREMENT: the API assigns them from a Redis sequence so that taking an
 * order needs no MySQL round trip; the worker writes the row under that id.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders', (t) => {
    t.bigInteger('id').unsigned().primary();
    t.bigInteger('buyer_id').unsigned().notNullable().references('id').inTable('users');
    t.bigInteger('item_id').unsigned().notNullable().references('id').inTable('items');
    t.integer('quantity').unsigned().notNullable();
    t.bigInteger('unit_price').unsigned().notNullable();
    t.bigInteger('amount').unsigned().notNullable();
    t.enu('status', ORDER_STATUSES).notNullable();
    // Place in the item's payment line, given when payment is requested; null while INITIATED.
    t.bigInteger('arrival_seq').unsigned().nullable();
    t.datetime('created_at', { precision: 3 }).notNullable();
    t.datetime('updated_at', { precision: 3 }).notNullable().defaultTo(knex.raw('CURRENT_TIMESTAMP(3)'));
    t.unique(['item_id', 'arrival_seq'], { indexName: 'orders_item_arrival_uq' });
    t.index(['buyer_id', 'id'], 'orders_buyer_idx');
    t.index(['status', 'created_at'], 'orders_status_age_idx');
  });
  await knex.raw('ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('orders');
}
