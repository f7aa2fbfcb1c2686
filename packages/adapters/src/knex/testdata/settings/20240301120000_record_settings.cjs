// Records the session settings the migration runs under, to prove the runner set them on knex's connection.
exports.up = function (knex) {
  return knex.raw(
    `CREATE TABLE seen_settings AS SELECT current_setting('lock_timeout') AS lock_timeout,
            current_setting('statement_timeout') AS statement_timeout`,
  );
};

exports.down = function (knex) {
  return knex.schema.dropTable('seen_settings');
};
