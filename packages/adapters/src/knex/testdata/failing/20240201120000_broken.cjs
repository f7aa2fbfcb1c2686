// Fails in the middle: the first table must not survive, and no ledger row may be written.
exports.up = async function (knex) {
  await knex.schema.createTable('widgets', (t) => {
    t.increments('id');
  });
  await knex.raw('ALTER TABLE no_such_table ADD COLUMN x integer');
  await knex.schema.createTable('gadgets', (t) => {
    t.increments('id');
  });
};

exports.down = async function (knex) {
  await knex.schema.dropTableIfExists('gadgets');
  await knex.schema.dropTableIfExists('widgets');
};
