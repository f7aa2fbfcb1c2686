// knex configuration of the billing service. The database is the workspace's DATABASE_URL; the history
// table is billing's own, so the other packages' ledgers never mix with it.
export default {
  development: {
    client: 'pg',
    connection: process.env.DATABASE_URL,
    migrations: { directory: './migrations', tableName: 'knex_migrations_billing' },
  },
};
