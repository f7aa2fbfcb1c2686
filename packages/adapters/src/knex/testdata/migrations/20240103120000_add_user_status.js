// A later change that must run outside a transaction: CREATE INDEX CONCURRENTLY cannot run inside one.
export const config = { transaction: false };

export async function up(knex) {
  await knex.schema.alterTable('users', (t) => {
    t.string('status', 20).notNullable().defaultTo('active');
  });
  await knex.raw('CREATE INDEX CONCURRENTLY users_status_idx ON users (status)');
}

export async function down(knex) {
  await knex.raw('DROP INDEX CONCURRENTLY IF EXISTS users_status_idx');
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('status');
  });
}
