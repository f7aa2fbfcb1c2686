/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
export async function up(knex) {
  await knex.schema.createTable('billing_payments', (t) => {
    t.bigIncrements('id');
    t.bigInteger('invoice_id').notNullable().references('id').inTable('billing_invoices');
    t.integer('amount_cents').notNullable();
  });
}

/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
export async function down(knex) {
  await knex.schema.dropTable('billing_payments');
}
