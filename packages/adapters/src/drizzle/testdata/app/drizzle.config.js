// drizzle-kit's config for the fixture app: PostgreSQL, migrations written to ./drizzle.
export default {
  dialect: 'postgresql',
  schema: './schema.js',
  out: './drizzle',
};
