import type { Knex } from 'knex';

const ORDER_STATUSES = ['INITIATED', 'IN_PROGRESS', 'PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED'];

/**
 * One row per status change. No state is entered twice in the order state machine, so
 * (order_id, to_status) is unique: a replayed transition can't write a second row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('order_histories', (t) => {
    t.bigIncrements('id').unsigned().primary();
    t.bigInteger('order_id').unsigned().notNullable().references('id').inTable('orders');
    t.enu('from_status', ORDER_STATUSES).nullable();
    t.enu('to_status', ORDER_STATUSES).notNullable();
    t.string('reason', 200).nullable();
    t.datetime('created_at', { precision: 3 }).notNullable().defaultTo(knex.raw('CURRENT_TIMESTAMP(3)'));
    t.unique(['order_id', 'to_status'], { indexName: 'order_histories_transition_uq' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('order_histories');
}
