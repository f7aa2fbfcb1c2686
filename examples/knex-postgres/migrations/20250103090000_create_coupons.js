// A later change: discount coupons, and a display name users may set.

/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
export async function up(knex) {
  await knex.schema.createTable('coupons', (t) => {
    t.bigIncrements('id');
    t.string('code', 40).notNullable().unique({ indexName: 'coupons_code_key' });
    t.integer('percent_off').notNullable();
    t.check('"percent_off" BETWEEN 1 AND 100', [], 'coupons_percent_off_check');
  });
  await knex.schema.alterTable('users', (t) => {
    t.text('display_name');
  });
}

/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
export async function down(knex) {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('display_name');
  });
  await knex.schema.dropTable('coupons');
}
