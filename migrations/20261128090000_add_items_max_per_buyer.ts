import type { Knex } from 'knex';

/**
 * A drop rule (DESIGN §10): the most units one buyer may hold in the item's INITIATED, IN_PROGRESS
 * and PAID orders at once; null for no cap. Enforced in Redis by the admit step, which reads it from
 * the item's sale state.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('items', (t) => {
    t.integer('max_per_buyer').unsigned().nullable();
  });
  await knex.raw('ALTER TABLE items ADD CONSTRAINT items_max_per_buyer_positive CHECK (max_per_buyer IS NULL OR max_per_buyer >= 1)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE items DROP CONSTRAINT items_max_per_buyer_positive');
  await knex.schema.alterTable('items', (t) => {
    t.dropColumn('max_per_buyer');
  });
}
