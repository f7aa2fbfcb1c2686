// drizzle-kit's config for the shop: PostgreSQL, schema in src/schema.ts, migrations in ./drizzle.
// The database URL comes from DATABASE_URL, for drizzle-kit and for dbm alike.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
  dbCredentials: {
    url: process.env.DATABASE_URL!,
  },
});
